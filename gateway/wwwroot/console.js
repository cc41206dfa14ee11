// The Amas.Orleans web console: plain DOM over the public HTTP API. Every string from the API goes through
// textContent (never innerHTML), so repository content shown in findings cannot script the page.

const view = document.getElementById('view');
const errorBox = document.getElementById('error');
const keyInput = document.getElementById('api-key');
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
let leave = () => {};

keyInput.value = sessionStorage.getItem('amas-api-key') ?? '';
document.getElementById('auth').addEventListener('submit', e => {
  e.preventDefault();
  sessionStorage.setItem('amas-api-key', keyInput.value.trim());
  route();
});

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function headers(extra = {}) {
  const key = sessionStorage.getItem('amas-api-key');
  return key ? { ...extra, 'X-API-Key': key } : extra;
}

function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = false;
  setTimeout(() => { errorBox.hidden = true; }, 8000);
}

async function problemText(response) {
  try {
    const p = await response.json();
    const lines = [`${response.status} ${p.title ?? ''} ${p.detail ?? ''}`.trim()];
    for (const [field, messages] of Object.entries(p.errors ?? {})) lines.push(`${field || 'body'}: ${messages.join(' ')}`);
    return lines.join('\n');
  } catch { return `${response.status} ${response.statusText}`; }
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: headers(options.headers) });
  if (!response.ok) {
    const text = response.status === 401 ? '401: enter an API key the gateway accepts.' : await problemText(response);
    throw new Error(text);
  }
  return response;
}

const json = async (path, options) => (await api(path, options)).json();
const seconds = ms => (ms == null ? '' : `${(ms / 1000).toFixed(1)} s`);

function render(...nodes) {
  view.replaceChildren(...nodes);
  view.focus();
}

// ---- tasks list -----------------------------------------------------------------------------------------------
async function tasksPage() {
  const page = await json('/api/v1/tasks?limit=50');
  render(
    h('h1', {}, 'Tasks'),
    h('p', {}, h('a', { href: '#/submit' }, 'Submit a new task')),
    page.items.length === 0 ? h('p', { class: 'muted' }, 'No tasks yet.') :
      h('table', {},
        h('thead', {}, h('tr', {}, ['Task', 'Kind', 'Status', 'Priority', 'Created'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.items.map(t => h('tr', {},
          h('td', {}, h('a', { href: `#/task/${t.task_id}` }, t.task_id)),
          h('td', {}, t.kind), h('td', {}, t.lifecycle), h('td', {}, t.priority),
          h('td', {}, new Date(t.created_at).toLocaleString()))))));
}

// ---- submit ---------------------------------------------------------------------------------------------------
async function submitPage() {
  const options = await json('/api/v1/tasks/options');
  const kinds = Object.fromEntries(options.kinds.map(k => [k.kind, k]));
  const kind = h('select', { id: 'kind', name: 'kind' }, options.kinds.map(k => h('option', { value: k.kind }, k.kind)));
  const mode = h('select', { id: 'mode', name: 'mode' });
  const depth = h('select', { id: 'depth', name: 'depth' });
  const priority = h('select', { id: 'priority', name: 'priority' }, options.priorities.map(p => h('option', { value: p, selected: p === 'normal' }, p)));
  const checkboxes = (name, values) => h('div', { class: 'row' }, values.map(v =>
    h('label', {}, h('input', { type: 'checkbox', name, value: v, checked: v === 'all' }), ` ${v}`)));
  const components = checkboxes('components', options.components);
  const areas = checkboxes('areas', options.areas);
  const targetKind = h('select', { id: 'target-kind' }, h('option', { value: 'path' }, 'local path'), h('option', { value: 'git' }, 'git URL'), h('option', { value: 'none' }, 'none'));
  const path = h('input', { id: 'path', name: 'path', size: 60, placeholder: '/absolute/path/under/an/allowed/root' });
  const gitUrl = h('input', { id: 'git-url', name: 'git_url', size: 60, placeholder: 'https://host/owner/repo.git', hidden: true });
  const gitRef = h('input', { id: 'git-ref', name: 'ref', placeholder: 'ref (optional)', hidden: true });
  const autoApply = h('input', { type: 'checkbox', id: 'auto-apply' });
  const urls = h('textarea', { id: 'urls', rows: 3, cols: 60, placeholder: 'one URL per line' });
  const keywords = h('input', { id: 'keywords', size: 60, placeholder: 'comma-separated' });
  const upload = h('input', { type: 'file', id: 'upload' });
  const filePath = h('input', { id: 'file-path', size: 60, placeholder: 'or a path under an allowed root' });
  const osint = h('fieldset', { hidden: true }, h('legend', {}, 'OSINT'), h('label', { for: 'urls' }, 'URLs'), urls, h('label', { for: 'keywords' }, ' Keywords '), keywords);
  const issueTitle = h('input', { id: 'issue-title', size: 60, maxlength: 512 });
  const issueBody = h('textarea', { id: 'issue-body', rows: 6, cols: 60 });
  const issueLabels = h('input', { id: 'issue-labels', size: 60, placeholder: 'comma-separated' });
  const language = h('select', { id: 'language' }, options.languages.map(l => h('option', { value: l }, l)));
  const autoFix = h('input', { type: 'checkbox', id: 'auto-fix' });
  const issue = h('fieldset', { hidden: true }, h('legend', {}, 'Issue'),
    h('label', { for: 'issue-title' }, 'Title '), issueTitle, h('br'),
    h('label', { for: 'issue-body' }, 'Body '), issueBody, h('br'),
    h('label', { for: 'issue-labels' }, 'Labels '), issueLabels, h('br'),
    h('label', { for: 'language' }, 'Answer in '), language, ' ',
    h('label', {}, autoFix, ' auto fix (run the fix pipeline on the repository)'));
  const forensics = h('fieldset', { hidden: true }, h('legend', {}, 'Forensics'), h('label', { for: 'upload' }, 'File '), upload, h('label', { for: 'file-path' }, ' '), filePath);

  const sync = () => {
    const k = kinds[kind.value];
    mode.replaceChildren(...k.modes.map(m => h('option', { value: m }, m)));
    depth.replaceChildren(h('option', { value: '' }, '(default)'), ...k.depths.map(d => h('option', { value: d }, d)));
    depth.parentElement.hidden = k.depths.length === 0;
    components.parentElement.hidden = kind.value !== 'orchestrate';
    areas.parentElement.hidden = kind.value !== 'self_improve';
    osint.hidden = kind.value !== 'osint';
    forensics.hidden = kind.value !== 'forensics';
    issue.hidden = kind.value !== 'issue_respond';
  };
  const syncTarget = () => {
    path.hidden = targetKind.value !== 'path';
    gitUrl.hidden = gitRef.hidden = targetKind.value !== 'git';
  };
  kind.addEventListener('change', sync);
  targetKind.addEventListener('change', syncTarget);

  const form = h('form', { class: 'task', id: 'submit-form', onsubmit: async e => {
    e.preventDefault();
    const body = { kind: kind.value, options: { mode: mode.value, priority: priority.value } };
    if (targetKind.value === 'path' && path.value.trim()) body.target = { path: path.value.trim() };
    if (targetKind.value === 'git' && gitUrl.value.trim()) body.target = { git_url: gitUrl.value.trim(), ...(gitRef.value.trim() ? { ref: gitRef.value.trim() } : {}) };
    if (kind.value === 'orchestrate') body.options.components = [...components.querySelectorAll('input:checked')].map(c => c.value);
    if (kind.value === 'self_improve') body.options.areas = [...areas.querySelectorAll('input:checked')].map(c => c.value);
    if (depth.value) body.options.depth = depth.value;
    if (autoApply.checked) body.options.auto_apply = true;
    if (kind.value === 'osint') {
      body.options.urls = urls.value.split('\n').map(u => u.trim()).filter(Boolean);
      body.options.keywords = keywords.value.split(',').map(k => k.trim()).filter(Boolean);
    }
    if (kind.value === 'forensics' && filePath.value.trim()) body.options.file_path = filePath.value.trim();
    if (kind.value === 'issue_respond') {
      body.options.issue = { title: issueTitle.value, body: issueBody.value, labels: issueLabels.value.split(',').map(l => l.trim()).filter(Boolean) };
      body.options.language = language.value;
      if (autoFix.checked) body.options.auto_fix = true;
    }
    try {
      let response;
      if (kind.value === 'forensics' && upload.files.length > 0) {
        const data = new FormData();
        data.append('task', new Blob([JSON.stringify(body)], { type: 'application/json' }));
        data.append('file', upload.files[0]);
        response = await api('/api/v1/tasks', { method: 'POST', body: data });
      } else {
        response = await api('/api/v1/tasks', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
      }
      const accepted = await response.json();
      location.hash = `#/task/${accepted.task_id}`;
    } catch (err) { showError(err.message); }
  } },
    h('label', { for: 'kind' }, 'Kind'), kind,
    h('div', {}, h('label', { for: 'target-kind' }, 'Target '), targetKind, ' ', path, gitUrl, gitRef),
    h('label', { for: 'mode' }, 'Mode'), mode,
    h('fieldset', {}, h('legend', {}, 'Components'), components),
    h('fieldset', {}, h('legend', {}, 'Areas'), areas),
    h('div', {}, h('label', { for: 'depth' }, 'Depth '), depth),
    h('label', { for: 'priority' }, 'Priority'), priority,
    h('label', {}, autoApply, ' auto apply (commit accepted fixes to a new branch)'),
    osint, forensics, issue,
    h('button', { type: 'submit', id: 'submit-task' }, 'Submit'));
  render(h('h1', {}, 'New task'), form);
  sync();
  syncTarget();
}

// ---- one task: lanes from server-sent events, then findings -----------------------------------------------------
async function* serverSentEvents(path, signal) {
  const response = await api(path, { signal, headers: { Accept: 'text/event-stream' } });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
      if (data) yield JSON.parse(data);
    }
  }
}

async function taskPage(id) {
  const status = await json(`/api/v1/tasks/${id}`);
  const lanes = new Map();
  const cards = new Map();
  const bar = h('progress', { id: 'progress', max: 1, value: 0, 'aria-label': 'agents finished' });
  const state = h('span', { id: 'task-state', class: 'badge' }, status.lifecycle);
  const results = h('section', { id: 'results' });
  const laneGrid = h('div', { class: 'lanes', id: 'lanes' }, status.layers.map(layer => {
    const list = h('div', {});
    lanes.set(layer.layer, list);
    for (const agent of layer.agents) {
      const card = h('div', { class: `agent state-${agent.status}`, dataset: { agent: agent.agent, state: agent.status } },
        h('strong', {}, agent.agent), h('div', { class: 'muted' }, agent.status));
      cards.set(agent.agent, card);
      list.append(card);
    }
    return h('div', { class: 'lane', dataset: { layer: layer.layer } }, h('h2', {}, `${layer.layer}. ${layer.name.replace('_', ' & ')}`), list);
  }));
  const total = Math.max(1, cards.size);
  render(
    h('h1', {}, 'Task ', h('code', {}, id), ' ', state),
    h('p', { class: 'muted' }, `${status.kind} · ${status.options.mode} · submitted by ${status.submitter}`),
    bar, laneGrid, results);

  const controller = new AbortController();
  leave = () => controller.abort();
  try {
    for await (const event of serverSentEvents(`/api/v1/tasks/${id}/events`, controller.signal)) {
      if (event.agent && cards.has(event.agent)) {
        const card = cards.get(event.agent);
        card.className = `agent state-${event.status}`;
        card.dataset.state = event.status;
        const detail = event.event === 'agent_completed'
          ? `${event.status} · ${seconds(event.duration_ms)} · ${event.finding_count} findings` : event.status;
        card.querySelector('.muted').textContent = detail;
        bar.value = [...cards.values()].filter(c => !['pending', 'running'].includes(c.dataset.state)).length / total;
      }
      if (event.event === 'task_completed') {
        state.textContent = event.status;
        bar.value = 1;
        await showResults(id, results);
      }
    }
  } catch (err) {
    if (err.name !== 'AbortError') showError(err.message);
  }
}

async function showResults(id, section) {
  const result = await json(`/api/v1/tasks/${id}/result?limit=1000`);
  const findings = result.findings.items;
  const formats = (result.fixes ?? []).some(f => f.verdict === 'accepted') ? ['json', 'sarif', 'markdown', 'patch'] : ['json', 'sarif', 'markdown'];
  const downloads = h('p', { class: 'row' }, formats.map(format =>
    h('button', { type: 'button', id: `download-${format}`, onclick: () => download(id, format) }, `Download ${format.toUpperCase()}`)));
  const filters = { severity: '', category: '', agent: '', file: '' };
  let sort = { key: 'severity', descending: true };
  const select = (name, values) => h('label', {}, `${name} `, h('select', { id: `filter-${name}`, onchange: e => { filters[name] = e.target.value; draw(); } },
    h('option', { value: '' }, 'all'), [...new Set(values)].sort().map(v => h('option', { value: v }, v))));
  const tbody = h('tbody', {});
  const rank = s => SEVERITIES.length - SEVERITIES.indexOf(s);
  const columns = [['severity', 'Severity'], ['rule', 'Rule'], ['category', 'Category'], ['agent', 'Agent'], ['file', 'File'], ['message', 'Message']];
  const draw = () => {
    const rows = findings
      .filter(f => (!filters.severity || f.severity === filters.severity) && (!filters.category || f.category === filters.category)
        && (!filters.agent || f.agent === filters.agent) && (!filters.file || (f.file ?? '').includes(filters.file)))
      .sort((a, b) => {
        const x = sort.key === 'severity' ? rank(a.severity) - rank(b.severity) : String(a[sort.key] ?? '').localeCompare(String(b[sort.key] ?? ''));
        return sort.descending ? -x : x;
      });
    tbody.replaceChildren(...rows.map(f => h('tr', { dataset: { rule: f.rule, severity: f.severity, suppressed: f.suppression ? 'true' : 'false' } },
      h('td', {}, h('span', { class: `badge sev-${f.severity}` }, f.severity), f.suppression ? [' ', h('span', { class: 'badge' }, 'suppressed')] : null),
      h('td', {}, f.rule), h('td', {}, f.category), h('td', {}, f.agent),
      h('td', {}, f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : ''),
      h('td', {}, h('details', {}, h('summary', {}, f.message),
        f.evidence ? h('div', {}, h('strong', {}, 'Evidence (redacted)'), h('pre', {}, f.evidence)) : null,
        f.fix ? h('div', {}, h('strong', {}, 'Fix'), h('pre', {}, f.fix)) : null,
        f.suppression ? h('div', {}, h('strong', {}, 'Suppressed'),
          ` ${f.suppression.kind === 'in_source' ? 'in the source' : 'by the suppression file'} (${f.suppression.file ?? ''}${f.suppression.line ? `:${f.suppression.line}` : ''}): ${f.suppression.reason}`) : null,
        f.resolution ? h('div', { class: 'muted' }, `Severity by ${f.resolution.severity_rule}: ${f.resolution.reason}`) : null,
        f.sources?.length ? h('div', { class: 'muted' }, `Reported by ${f.sources.join(', ')}`) : null)))));
    count.textContent = `${rows.length} of ${findings.length} findings`;
  };
  const count = h('p', { id: 'finding-count', class: 'muted' });
  const head = h('tr', {}, columns.map(([key, title]) => h('th', { scope: 'col' },
    h('button', { type: 'button', onclick: () => { sort = { key, descending: sort.key === key ? !sort.descending : false }; draw(); } }, title))));
  section.replaceChildren(
    h('h2', {}, 'Findings'),
    h('p', {}, SEVERITIES.map(s => h('span', { class: `badge sev-${s}` }, `${s} ${result.summary.by_severity[s] ?? 0}`)).flatMap(b => [b, ' '])),
    downloads,
    h('div', { class: 'filters' }, select('severity', findings.map(f => f.severity)), select('category', findings.map(f => f.category)),
      select('agent', findings.map(f => f.agent)),
      h('label', {}, 'file ', h('input', { id: 'filter-file', oninput: e => { filters.file = e.target.value; draw(); } }))),
    count,
    h('table', { id: 'findings' }, h('thead', {}, head), tbody),
    fixesSection(result.fixes ?? [], result.fix_branch),
    factsSection(result.facts ?? {}));
  draw();
}

// The fix pipeline's verdicts: each patch, the rules it addresses, accepted or rejected and why.
function fixesSection(fixes, branch) {
  if (fixes.length === 0) return null;
  return h('section', { id: 'fixes' }, h('h2', {}, 'Fixes'),
    branch ? h('p', {}, 'Accepted fixes are committed to branch ', h('code', {}, branch), '.') : null,
    h('table', {}, h('thead', {}, h('tr', {}, ['File', 'Rules', 'Origin', 'Verdict', 'Why'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, fixes.map(f => h('tr', { dataset: { verdict: f.verdict } },
        h('td', {}, f.file), h('td', {}, (f.rules ?? []).join(', ')), h('td', {}, f.origin), h('td', {}, f.verdict), h('td', {}, f.reason ?? f.summary ?? ''))))));
}

// What the agents established (hashes, entities, an issue's category and answer), one row per fact, as text only.
function factsSection(facts) {
  const names = Object.keys(facts).sort();
  if (names.length === 0) return null;
  return h('section', { id: 'facts' }, h('h2', {}, 'Facts'),
    h('dl', {}, names.flatMap(name => [
      h('dt', {}, name),
      h('dd', { dataset: { fact: name } }, facts[name].length === 1 && facts[name][0].includes('\n')
        ? h('pre', {}, facts[name][0])
        : facts[name].join(', ')),
    ])));
}

async function download(id, format) {
  try {
    const path = format === 'json' ? `/api/v1/tasks/${id}/result?limit=1000`
      : format === 'patch' ? `/api/v1/tasks/${id}/artifacts/patch` : `/api/v1/tasks/${id}/result?format=${format}`;
    const response = await api(path);
    const blob = await response.blob();
    const link = h('a', { href: URL.createObjectURL(blob), download: `${id}.${{ json: 'json', sarif: 'sarif', markdown: 'md', patch: 'patch' }[format]}` });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (err) { showError(err.message); }
}

// ---- providers: health now, latency over the time this page is open ---------------------------------------------
async function providersPage() {
  const samples = new Map();
  const table = h('table', { id: 'providers' });
  const draw = providers => {
    table.replaceChildren(
      h('thead', {}, h('tr', {}, ['Provider', 'Status', 'Model', 'Circuit', 'Latency (ms)', 'Error rate', 'Calls', 'Tokens', 'Latency over time']
        .map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, providers.map(p => {
        const health = p.health;
        const series = samples.get(health.id) ?? [];
        series.push(health.average_latency_ms ?? 0);
        samples.set(health.id, series.slice(-30));
        return h('tr', { dataset: { provider: health.id } },
          h('td', {}, `${health.name} (${health.id})`), h('td', {}, p.status), h('td', {}, health.model), h('td', {}, health.circuit),
          h('td', {}, health.average_latency_ms == null ? '' : health.average_latency_ms.toFixed(0)),
          h('td', {}, `${(health.error_rate * 100).toFixed(0)} %`), h('td', {}, health.calls),
          h('td', {}, health.prompt_tokens + health.completion_tokens), h('td', {}, sparkline(samples.get(health.id))));
      })));
  };
  render(h('h1', {}, 'AI providers'), table);
  draw(await json('/api/v1/providers'));
  const timer = setInterval(async () => { try { draw(await json('/api/v1/providers')); } catch (err) { showError(err.message); } }, 5000);
  leave = () => clearInterval(timer);
}

function sparkline(values) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 120 24');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'average latency samples');
  const max = Math.max(1, ...values);
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'currentColor');
  line.setAttribute('points', values.map((v, i) => `${(i * 120) / Math.max(1, values.length - 1)},${22 - (v / max) * 20}`).join(' '));
  svg.append(line);
  return svg;
}

// ---- agents -----------------------------------------------------------------------------------------------------
async function agentsPage() {
  const agents = await json('/api/v1/agents');
  const figure = value => value === null || value === undefined ? '–' : String(value);
  render(h('h1', {}, 'Agents'), h('table', { id: 'agents' },
    h('thead', {}, h('tr', {}, ['Layer', 'Agent', 'Runs', 'Failed', 'Mean duration (ms)', 'Findings', 'Fixes accepted / rejected', 'Capabilities', 'Description']
      .map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, agents.map(a => {
      const s = a.stats ?? {};
      return h('tr', { dataset: { agent: a.name, runs: s.runs ?? 0 } },
        h('td', {}, a.layer), h('td', {}, a.name), h('td', {}, figure(s.runs)), h('td', {}, figure(s.failed)),
        h('td', {}, s.average_duration_ms == null ? '–' : Math.round(s.average_duration_ms)), h('td', {}, figure(s.findings)),
        h('td', {}, `${figure(s.fixes_accepted)} / ${figure(s.fixes_rejected)}`),
        h('td', {}, a.capabilities.join(', ')), h('td', {}, a.description));
    }))));
}

async function workflowsPage() {
  const window = new URLSearchParams(location.hash.split('?')[1] ?? '').get('window') ?? '1h';
  const m = await json(`/api/v1/metrics/workflows?window=${encodeURIComponent(window)}`);
  const percent = value => value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;
  const seconds = value => value === null || value === undefined ? '–' : `${value.toFixed(1)} s`;
  const rows = [
    ['Tasks ended', m.tasks_ended], ['Succeeded', m.succeeded], ['Failed', m.failed], ['Cancelled', m.cancelled],
    ['Success rate', percent(m.success_rate)], ['Error rate', percent(m.error_rate)],
    ['Mean response time', seconds(m.average_response_seconds)], ['Longest response time', seconds(m.max_response_seconds)],
    ['Throughput', `${m.throughput_per_minute.toFixed(2)} tasks/min`],
  ];
  render(h('h1', {}, `Workflow metrics, last ${window}`),
    h('p', { class: 'row' }, ['15m', '1h', '24h'].map(w => h('a', { href: `#/workflows?window=${w}` }, w)).flatMap(a => [a, ' '])),
    h('section', { id: 'alerts' }, h('h2', {}, 'Active alerts'),
      m.alerts.length === 0 ? h('p', { class: 'muted' }, 'None.')
        : h('ul', {}, m.alerts.map(a => h('li', { class: 'alert', dataset: { alert: a.name } }, a.message)))),
    h('table', { id: 'workflow-metrics' }, h('tbody', {}, rows.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, value))))),
    h('h2', {}, 'Provider usage'),
    h('table', { id: 'provider-usage' },
      h('thead', {}, h('tr', {}, ['Provider', 'Calls', 'Failures'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, Object.entries(m.provider_usage ?? {}).map(([id, u]) => h('tr', {}, h('td', {}, id), h('td', {}, u.calls ?? '–'), h('td', {}, u.failures ?? '–'))))),
    h('p', { class: 'muted' }, `Alerts when success < ${percent(m.thresholds.min_success_rate)}, response time > ${m.thresholds.max_response_seconds} s or error rate > ${percent(m.thresholds.max_error_rate)}.`));
}

// ---- routing ----------------------------------------------------------------------------------------------------
async function route() {
  leave();
  leave = () => {};
  const hash = location.hash || '#/';
  try {
    const task = hash.match(/^#\/task\/([0-9a-f-]{36})$/i);
    if (task) await taskPage(task[1]);
    else if (hash === '#/submit') await submitPage();
    else if (hash === '#/providers') await providersPage();
    else if (hash === '#/agents') await agentsPage();
    else if (hash.startsWith('#/workflows')) await workflowsPage();
    else await tasksPage();
  } catch (err) {
    const needsKey = err.message.startsWith('401');
    render(h('h1', {}, needsKey ? 'API key needed' : 'Something went wrong'), h('pre', { id: 'view-error' }, err.message));
    if (needsKey) keyInput.focus();
  }
}

window.addEventListener('hashchange', route);
route();
