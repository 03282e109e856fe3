import { readFile } from 'node:fs/promises';
import { ChurnModelFileSchema, type ChurnModelFile } from '../../contracts/churn/model.js';
import { stratumError } from '../../contracts/errors.js';

/**
 * A churn model saved by `stratum churn score --save-model`. An unreadable file, text that is not JSON or JSON
 * that is not a model is an error naming the file (and `origin`, where the path came from).
 */
export async function readChurnModelFile(path: string, origin = '--model'): Promise<ChurnModelFile> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw stratumError('FILE_UNREADABLE', `cannot read the churn model ${path} (${origin})`, { file: path });
  });
  const issues = (detail: string[]) =>
    stratumError('CONFIG_INVALID', `${path} is not a churn model saved by stratum churn score --save-model`, {
      file: path,
      issues: detail,
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw issues([`not JSON: ${(error as Error).message}`]);
  }
  const parsed = ChurnModelFileSchema.safeParse(json);
  if (!parsed.success)
    throw issues(parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`));
  return parsed.data;
}
