// A missing tool is reported in one sentence that says what to install, never as a stack trace.
import { spawnSync } from 'node:child_process';

export class MissingPrerequisite extends Error {}

function hasCommand(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

export function requireJava(): void {
  if (!hasCommand('java', ['-version'])) {
    throw new MissingPrerequisite('Java 17 or newer is required to run the sandbox broker: install a JDK (for example `apt-get install openjdk-17-jdk`) and make sure `java` is on PATH.');
  }
}

export function requireMaven(): void {
  if (!hasCommand('mvn', ['-v'])) {
    throw new MissingPrerequisite('Maven is required to fetch the Kafka jars from Maven Central: install it (for example `apt-get install maven`) and make sure `mvn` is on PATH.');
  }
}
