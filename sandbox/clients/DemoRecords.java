// Realistic values for the demo's schema'd topics: card payments (with the customer's name, phone
// and masked card number the example dictionary classifies), ledger entries and merchant payouts,
// each keyed by its id with idempotency-key, event-type and producer headers. A card payment can be
// a poison pill: valid against its schema, but in currency XXX, which no poster can post.
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.*;

public final class DemoRecords {
  private DemoRecords() { }

  interface Generator { EncodedProducer.Out next(long n); }

  static final String[] FAMILY = { "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임" };
  static final String[] GIVEN = { "민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "하은", "지호", "수아" };
  static final String[] MERCHANTS = { "MRCH-000118", "MRCH-000245", "MRCH-001032", "MRCH-002210", "MRCH-004871" };
  static final String[] STATUSES = { "APRV", "APRV", "APRV", "APRV", "APRV", "APRV", "CNCL", "REQ", "FAIL" };

  static Generator generator(String name, long poisonAt) {
    return switch (name) {
      case "card-payments" -> (n) -> cardPayment(n, n == poisonAt);
      case "ledger-entries" -> DemoRecords::ledgerEntry;
      case "merchant-payouts" -> DemoRecords::merchantPayout;
      default -> throw new IllegalArgumentException("generator is card-payments, ledger-entries or merchant-payouts, not " + name);
    };
  }

  static Map<String, String> headers(String idempotencyKey, String eventType, String producer) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("idempotency-key", idempotencyKey);
    headers.put("event-type", eventType);
    headers.put("producer", producer);
    return headers;
  }

  static EncodedProducer.Out cardPayment(long n, boolean poison) {
    Random random = new Random(n * 7919 + System.nanoTime());
    String payId = "PAY-" + UUID.randomUUID();
    String idempotencyKey = UUID.randomUUID().toString();
    String customer = String.format("CUST-%06d", random.nextInt(40_000));
    // Masked at the source as the domain says: the first 6 and last 4 digits stay.
    String[] bins = { "541234", "453201", "356901", "625814", "943117" };
    String cardNo = bins[random.nextInt(bins.length)] + "******" + String.format("%04d", random.nextInt(10_000));
    ObjectNode value = ConfluentRegistry.json.createObjectNode()
        .put("payId", payId)
        .put("mrchId", MERCHANTS[random.nextInt(MERCHANTS.length)])
        .put("custId", customer)
        .put("custNm", FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)])
        .put("cardNo", cardNo)
        .put("payAmt", poison ? -125_000L : 1_000L * (1 + random.nextInt(500)))
        // XXX is ISO 4217's "no currency": nothing downstream can post it.
        .put("crncyCd", poison ? "XXX" : "KRW")
        .put("payStatCd", STATUSES[random.nextInt(STATUSES.length)])
        .put("payDtm", System.currentTimeMillis())
        .put("instlMmCnt", new int[] { 0, 0, 0, 3, 6, 12 }[random.nextInt(6)])
        .put("idmpKey", idempotencyKey);
    // One customer in five has left no phone number.
    if (random.nextInt(5) == 0) value.putNull("custTelNo");
    else value.put("custTelNo", String.format("+8210%08d", random.nextInt(100_000_000)));
    return new EncodedProducer.Out(payId, value, headers(idempotencyKey, "payment.card.approved", "card-gateway"), null);
  }

  static EncodedProducer.Out ledgerEntry(long n) {
    Random random = new Random(n * 104729 + System.nanoTime());
    String payId = UUID.randomUUID().toString();
    String idempotencyKey = UUID.randomUUID().toString();
    long amount = 1_000L * (1 + random.nextInt(500));
    boolean debit = n % 2 == 0;
    ObjectNode value = ConfluentRegistry.json.createObjectNode()
        .put("ldgr_entr_id", UUID.randomUUID().toString())
        .put("pay_id", payId)
        .put("entr_seq", 1 + (n % 2))
        .put("dr_amt", debit ? amount : 0)
        .put("cr_amt", debit ? 0 : amount)
        .put("actt_cd", debit ? "1100" : "4010")
        .put("entr_dtm", java.time.Instant.now().toString());
    return new EncodedProducer.Out(value.get("pay_id").asText(), value, headers(idempotencyKey, "ledger.entry.booked", "ledger"), null);
  }

  static EncodedProducer.Out merchantPayout(long n) {
    Random random = new Random(n * 15485863 + System.nanoTime());
    String merchant = MERCHANTS[(int) (n % MERCHANTS.length)];
    long settled = 100_000L * (1 + random.nextInt(900));
    double feeRate = new double[] { 0.008, 0.015, 0.0225, 0.0325 }[random.nextInt(4)];
    long fee = Math.round(settled * feeRate);
    long vat = fee / 10;
    String[] banks = { "004", "011", "020", "088", "090" };
    ObjectNode value = ConfluentRegistry.json.createObjectNode()
        .put("dsbr_id", "DSBR-" + UUID.randomUUID())
        .put("stlm_id", "STLM-" + UUID.randomUUID())
        .put("mrch_id", merchant)
        .put("dsbr_amt", settled - fee - vat)
        .put("fee_amt", fee)
        .put("vat_amt", vat)
        .put("fee_rt", feeRate)
        .put("dsbr_bank_cd", banks[random.nextInt(banks.length)])
        .put("dsbr_acct_no", String.format("%03d-%06d-%02d-%03d", random.nextInt(1000), random.nextInt(1_000_000), random.nextInt(100), random.nextInt(1000)));
    return new EncodedProducer.Out(merchant, value, headers(UUID.randomUUID().toString(), "settlement.payout.scheduled", "settlement-batch"), null);
  }
}
