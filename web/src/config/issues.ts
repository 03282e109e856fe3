/** A validation issue `windows.longDays: Too small…` split into the key it names and the message. */
export function splitIssue(issue: string): { key: string | null; message: string } {
  const at = issue.indexOf(': ');
  if (at <= 0) return { key: null, message: issue };
  const key = issue.slice(0, at);
  // A key path has no spaces (`tiers.quotas`, `tags.0.kind`, `yaml`); anything else is a sentence.
  return /\s/.test(key) ? { key: null, message: issue } : { key, message: issue.slice(at + 2) };
}
