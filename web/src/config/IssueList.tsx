import { useI18n } from '../i18n/i18n';
import { splitIssue } from './issues';

/** Validation issues, each naming the key it is about. */
export function IssueList({ issues }: { issues: readonly string[] }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="issues">
      <p className="error">{t('config.invalid', { n: issues.length })}</p>
      <ul>
        {issues.map((issue, i) => {
          const { key, message } = splitIssue(issue);
          return (
            <li key={i}>
              {key ? (
                <>
                  <code>{key}</code>: {message}
                </>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
