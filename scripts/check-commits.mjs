// Checks the messages of the commits since a base against CONTRIBUTING.md, "Habits": a subject of at
// most 72 characters in the imperative, then a blank line and the why. Merge commits need only the
// subject, and so does a commit that only rebuilds dist/.
// Usage: node scripts/check-commits.mjs [base] (default: the commit these rules start from).
import { execFileSync } from 'node:child_process';

// The commits before this one were written before the rules; history is not rewritten to meet them.
const RULES_START = '824ea22a14907b5d3e9fa8f1aa10de34fdab1613';
const MAX_SUBJECT = 72;
// A subject says what the commit does ("Add", "Fix"), not what was done or what it does ("Added", "Adds").
const NOT_IMPERATIVE =
  /^(add|fix|updat|remov|chang|mov|renam|refactor|improv|implement|creat|delet|introduc|mak|us|bump)(ed|es|s|ing)\b|^made\b/i;
const UNFINISHED = /^(wip\b|fixup!|squash!|amend!)/i;

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** A rebuild of the bundle alone needs no why: its sources' commits gave it. */
function onlyRebuildsDist(hash) {
  const files = git('diff-tree', '--no-commit-id', '--name-only', '-r', hash).split('\n').filter(Boolean);
  return files.length > 0 && files.every((file) => file.startsWith('dist/'));
}

function hasCommit(ref) {
  try {
    git('cat-file', '-e', `${ref}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

function isAncestor(base) {
  try {
    git('merge-base', '--is-ancestor', base, 'HEAD');
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with one commit's message, a phrase each. */
function problemsOf({ hash, message, merge }) {
  const [subject = '', blank, ...body] = message.split('\n');
  const problems = [];
  if (subject.length > MAX_SUBJECT)
    problems.push(`subject is ${subject.length} characters (at most ${MAX_SUBJECT})`);
  if (subject.endsWith('.')) problems.push('subject ends with a full stop');
  if (UNFINISHED.test(subject)) problems.push('subject marks unfinished work');
  if (merge) return problems;
  if (NOT_IMPERATIVE.test(subject))
    problems.push(`subject starts "${subject.split(' ')[0]}": say it in the imperative`);
  if (blank !== undefined && blank.trim() !== '') problems.push('no blank line after the subject');
  if (!body.join('').trim() && !onlyRebuildsDist(hash)) problems.push('no body saying why');
  return problems;
}

function commitsSince(base) {
  const records = git('log', '--format=%H%x00%P%x00%B%x1e', `${base}..HEAD`).split('\x1e');
  return records
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [hash, parents, message] = record.split('\x00');
      return { hash, merge: parents.split(' ').length > 1, message: message.trimEnd() };
    });
}

function explainSkip(base, why) {
  return `check-commits: skipped, ${base} is ${why}: nothing to compare with (a shallow or rewritten history).`;
}

const base = process.argv[2] ?? RULES_START;
if (!hasCommit(base)) {
  console.log(explainSkip(base, 'not in this clone'));
} else if (!isAncestor(base)) {
  console.log(explainSkip(base, 'not an ancestor of HEAD'));
} else {
  const commits = commitsSince(base);
  let failed = 0;
  for (const commit of commits) {
    const problems = problemsOf(commit);
    if (!problems.length) continue;
    failed++;
    console.error(`${commit.hash.slice(0, 12)} ${commit.message.split('\n')[0]}\n  ${problems.join('\n  ')}`);
  }
  console.log(`check-commits: ${commits.length} commit(s) since ${base.slice(0, 12)}, ${failed} to reword`);
  process.exitCode = failed ? 1 : 0;
}
