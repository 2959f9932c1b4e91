-- The payment ledger's tables (ADR-0003: INSERT-only, with an outbox), in standard terms (ADR-0007).
-- Sluice checks every column name, type and length against the dictionary as you type.

CREATE TABLE PAY (                -- 결제
  PAY_ID       VARCHAR(36)  NOT NULL,
  MRCH_ID      VARCHAR(36)  NOT NULL,
  CUST_ID      VARCHAR(36)  NOT NULL,
  PAY_AMT      BIGINT       NOT NULL,
  CRNCY_CD     CHAR(3)      NOT NULL,
  PAY_STAT_CD  VARCHAR(10)  NOT NULL,
  PAY_DTM      TIMESTAMP    NOT NULL,
  CRT_DTM      TIMESTAMP    NOT NULL,
  PRIMARY KEY (PAY_ID)
);

CREATE TABLE APRV (               -- 승인: several per payment (split payments)
  APRV_ID      VARCHAR(36)  NOT NULL,
  PAY_ID       VARCHAR(36)  NOT NULL,
  APRV_NO      VARCHAR(20)  NOT NULL,
  APRV_AMT     BIGINT       NOT NULL,
  APRV_DTM     TIMESTAMP    NOT NULL,
  CARD_NO      VARCHAR(19),
  INSTL_MM_CNT INTEGER      NOT NULL DEFAULT 0,
  PRIMARY KEY (APRV_ID)
);

CREATE TABLE OUTB (               -- 아웃박스: written in the same transaction as the business row
  OUTB_ID      VARCHAR(36)  NOT NULL,
  EVT_TP_CD    VARCHAR(10)  NOT NULL,
  IDMP_KEY     VARCHAR(200) NOT NULL,
  EVT_PYLD_CN  VARCHAR(4000) NOT NULL,
  PBLC_YN      BOOLEAN      NOT NULL DEFAULT FALSE,
  PBLC_DTM     TIMESTAMP,
  created_at   TIMESTAMP,     -- predates ADR-0007; Sluice flags it until it is renamed CRT_DTM
  PRIMARY KEY (OUTB_ID)
);
