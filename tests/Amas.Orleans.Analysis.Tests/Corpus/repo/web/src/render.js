import { exec } from 'child_process';
import https from 'https';

export function calculate(userInput) {
  return eval(userInput);
}

export function compile(body) {
  return new Function('return ' + body);
}

export function show(container, comment) {
  container.innerHTML = comment.body;
  container.textContent = comment.title;
}

export function log(branch, callback) {
  exec(`git log ${branch}`, callback);
}

export const agent = new https.Agent({ rejectUnauthorized: false });
export const strictAgent = new https.Agent({ rejectUnauthorized: true });
