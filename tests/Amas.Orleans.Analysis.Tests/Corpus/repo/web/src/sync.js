import fs from 'fs';

const template = fs.readFileSync('./template.html', 'utf8');

export async function syncAll(ids) {
  const results = [];
  for (const id of ids) {
    const res = await fetch(`/api/items/${id}`);
    results.push(res.status);
  }
  return results;
}

export function render(req, res) {
  const page = fs.readFileSync('./page.html', 'utf8');
  const state = JSON.parse(JSON.stringify(req.body));
  res.send(template + page + JSON.stringify(state));
}
