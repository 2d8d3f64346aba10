// tuneforge console: plain DOM, no build step. Every value from the services is inserted as text (never as HTML):
// dataset content and model output are user data.
'use strict';

const KEY_STORE = 'tuneforge.apiKey';
const view = document.getElementById('view');
const statusLine = document.getElementById('status');
let connected = {};

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') e.addEventListener('click', v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

function say(text, error = false) {
  statusLine.textContent = text || '';
  statusLine.className = error ? 'error' : '';
}

async function api(service, path, method = 'GET', body) {
  const headers = { Accept: 'application/json' };
  const key = localStorage.getItem(KEY_STORE);
  if (key) headers.Authorization = 'Bearer ' + key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/proxy/${service}/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!res.ok) {
    const p = json || {};
    const fields = (p.errors || []).map(f => `  ${f.field}: ${f.message}`).join('\n');
    throw new Error(`${res.status} ${p.title || res.statusText}${p.detail ? ': ' + p.detail : ''}${fields ? '\n' + fields : ''}`);
  }
  return json;
}

const rows = page => Array.isArray(page) ? page : (page && Array.isArray(page.data) ? page.data : []);

function badge(value) {
  const v = String(value ?? '');
  const cls = /^(validated|succeeded|promote|production|completed|passed)$/i.test(v) ? 'good'
    : /^(rejected|failed|cancelled|reject|rolled_back|error)$/i.test(v) ? 'bad'
    : /^(queued|running|validating_files|pending|paused|staging|waiting_for_budget|candidate|active)$/i.test(v) ? 'busy' : '';
  return el('span', { class: 'badge ' + cls }, v);
}

const BADGE_COLUMNS = new Set(['state', 'status', 'stage', 'decision', 'severity']);

function table(items, columns, onRow) {
  if (!items.length) return el('p', { class: 'muted' }, 'nothing yet');
  const cols = columns || Object.keys(items[0]).filter(k => typeof items[0][k] !== 'object').slice(0, 7);
  return el('table', {},
    el('thead', {}, el('tr', {}, cols.map(c => el('th', {}, c.replace(/_/g, ' '))))),
    el('tbody', {}, items.map(item => el('tr', onRow ? { class: 'clickable', onclick: () => onRow(item) } : {},
      cols.map(c => el('td', {}, BADGE_COLUMNS.has(c) ? badge(item[c]) : format(item[c])))))));
}

function format(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString() : v.toFixed(4);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function card(title, ...children) {
  return el('div', { class: 'card' }, el('h2', {}, title), ...children);
}

function json(value) {
  return el('details', {}, el('summary', { class: 'muted' }, 'raw JSON'), el('pre', {}, JSON.stringify(value, null, 2)));
}

function action(label, run, cls = 'secondary') {
  return el('button', { class: cls, onclick: async () => {
    try { say(label + ' ...'); await run(); say(label + ': done'); route(); } catch (e) { say(e.message, true); }
  } }, label);
}

/** Train and validation loss per step as two polylines. */
function lossChart(metrics) {
  const pts = (metrics.steps || []).filter(p => p.train_loss != null || p.valid_loss != null || p.full_valid_loss != null);
  if (!pts.length) return el('p', { class: 'muted' }, 'no metrics yet');
  const W = 640, H = 200, pad = 28;
  const maxStep = Math.max(...pts.map(p => p.step)) || 1;
  const losses = pts.flatMap(p => [p.train_loss, p.full_valid_loss ?? p.valid_loss]).filter(v => v != null);
  const maxLoss = Math.max(...losses) || 1;
  const x = s => pad + (W - 2 * pad) * s / maxStep;
  const y = l => H - pad - (H - 2 * pad) * l / maxLoss;
  const line = (sel, color) => {
    const d = pts.filter(p => sel(p) != null).map(p => `${x(p.step).toFixed(1)},${y(sel(p)).toFixed(1)}`).join(' ');
    const pl = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    pl.setAttribute('points', d); pl.setAttribute('fill', 'none'); pl.setAttribute('stroke', color); pl.setAttribute('stroke-width', '2');
    return pl;
  };
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`); svg.setAttribute('width', W); svg.setAttribute('height', H); svg.setAttribute('class', 'chart');
  svg.append(line(p => p.train_loss, '#3b5bdb'), line(p => p.full_valid_loss ?? p.valid_loss, '#e67700'));
  return el('div', {}, svg, el('p', { class: 'muted' }, `train (blue) and validation (orange) loss over ${maxStep} steps; max ${maxLoss.toFixed(3)}`));
}

/** A dpo dataset's feedback source: the alias whose corrected and rated answers become preference pairs. */
async function feedbackSource(id) {
  let src;
  try {
    src = await api('dataset', `api/v1/datasets/${id}/feedback-source`);
  } catch (e) {
    if (!e.message.startsWith('404')) throw e;
    return card('Feedback source', el('p', { class: 'muted' },
      'none: `tuneforge datasets feedback set ' + id + ' --alias <alias>` turns feedback on a capturing alias into preference pairs'));
  }
  const c = src.counts || {};
  const pending = rows(await api('dataset', `api/v1/datasets/${id}/feedback-source/pairs?status=pending&limit=20`));
  const text = (msgs) => (msgs && msgs.length ? String(msgs[msgs.length - 1].content ?? '') : '');
  const review = pending.length ? el('table', {},
    el('thead', {}, el('tr', {}, ['pair', 'rule', 'prompt', 'preferred', 'rejected', ''].map(h => el('th', {}, h)))),
    el('tbody', {}, pending.map(p => el('tr', {},
      el('td', {}, p.id), el('td', {}, p.rule), el('td', {}, text(p.example.input && p.example.input.messages)),
      el('td', {}, text(p.example.preferred_output)), el('td', {}, text(p.example.non_preferred_output)),
      el('td', {}, action('Reject', () => api('dataset', `api/v1/datasets/${id}/feedback-source/pairs/${p.id}`, 'DELETE'), 'danger'))))))
    : el('p', { class: 'muted' }, 'no pending pairs to review');
  return card(`Feedback source: alias ${src.alias}`,
    el('p', {}, `a version every ${src.min_new_pairs} new pairs${src.auto_version ? '' : ' (on demand only)'}, PII `
      + (src.redact_pii ? 'redacted' : 'kept')),
    table([{ feedback_seen: c.feedback_seen, without_exchange: c.feedback_without_exchange, pending_pairs: c.pending_pairs,
      pairs_used: c.pairs_used, waiting_for_counterpart: c.waiting_for_counterpart }], null),
    c.feedback_without_exchange ? el('p', { class: 'error' }, `${c.feedback_without_exchange} feedback without a captured exchange: `
      + `turn capture on for alias ${src.alias} (Deploy tab / tuneforge aliases set ... --capture)`) : null,
    Object.keys(c.unpaired || {}).length ? el('p', { class: 'muted' }, 'no pair made: ' + format(c.unpaired)) : null,
    el('h2', {}, 'Pending pairs (review before they are trained on)'), review,
    el('div', { class: 'actions' }, action('Build version from pending pairs', () =>
      api('dataset', `api/v1/datasets/${id}/feedback-source/versions`, 'POST'), 'primary')));
}

const captureText = a => a.capture && a.capture.enabled ? `on, kept ${a.capture.retention_days} d` : 'off';

const views = {
  async datasets(id, version) {
    if (!id) {
      const page = await api('dataset', 'api/v1/datasets?limit=100');
      return card('Datasets', table(rows(page), ['id', 'name', 'method', 'latest_version', 'created_at'], d => go(`datasets/${d.id}`)));
    }
    const d = await api('dataset', `api/v1/datasets/${id}`);
    const versions = await api('dataset', `api/v1/datasets/${id}/versions`);
    const out = [card(`${d.name} (${d.method})`,
      table(versions, ['version', 'status', 'example_count', 'error_count', 'billable_tokens', 'created_at'], v => go(`datasets/${id}/${v.version}`)),
      el('div', { class: 'actions' }, action('Delete dataset', async () => {
        if (confirm(`Delete ${d.name} with every version?`)) { await api('dataset', `api/v1/datasets/${id}`, 'DELETE'); go('datasets'); }
      }, 'danger')))];
    if (d.method === 'dpo') out.push(await feedbackSource(id));
    if (version) {
      const v = await api('dataset', `api/v1/datasets/${id}/versions/${version}`);
      out.push(card(`Version ${v.version}: ${v.status}`,
        el('p', {}, `${format(v.example_count)} examples, ${format(v.billable_tokens)} billable tokens (${v.encoding}), lineage: ${v.lineage.mode}`),
        table(Object.entries(v.splits || {}).map(([name, s]) => ({ split: name, examples: s.examples, tokens: s.tokens })), ['split', 'examples', 'tokens']),
        el('h2', {}, 'Findings'), table(v.findings || [], ['line', 'severity', 'code', 'message']),
        el('div', { class: 'actions' },
          el('a', { href: `/proxy/dataset/api/v1/datasets/${id}/versions/${version}/report`, target: '_blank' }, 'full report (JSON)'),
          action('Delete version', async () => {
            if (confirm(`Delete version ${version}?`)) { await api('dataset', `api/v1/datasets/${id}/versions/${version}`, 'DELETE'); go(`datasets/${id}`); }
          }, 'danger')),
        json(v)));
    }
    return out;
  },

  async jobs(id) {
    if (!id) {
      const page = await api('training', 'api/v1/jobs?limit=100');
      return card('Fine-tuning jobs', table(rows(page), ['id', 'state', 'base_model', 'model_name', 'fine_tuned_model', 'created_at'], j => go(`jobs/${j.id}`)));
    }
    const j = await api('training', `api/v1/jobs/${id}`);
    const metrics = await api('training', `api/v1/jobs/${id}/metrics`);
    return card(`Job ${j.id}`, el('p', {}, badge(j.state), ` ${j.base_model} → ${j.fine_tuned_model || '…'}`,
        j.trained_tokens ? `, ${format(j.trained_tokens)} trained tokens` : '', j.n_epochs ? `, ${j.n_epochs} epochs` : ''),
      j.failure ? el('p', { class: 'error' }, `${j.failure.kind}: ${j.failure.message} — ${j.failure.advice || ''}`) : null,
      lossChart(metrics),
      el('div', { class: 'actions' },
        action('Cancel', () => api('training', `api/v1/jobs/${id}/cancel`, 'POST'), 'danger'),
        action('Pause', () => api('training', `api/v1/jobs/${id}/pause`, 'POST')),
        action('Resume', () => api('training', `api/v1/jobs/${id}/resume`, 'POST'))),
      json(j));
  },

  async models(name) {
    if (!name) {
      const page = await api('training', 'api/v1/models?limit=100');
      return card('Model registry', table(rows(page), null, m => go(`models/${encodeURIComponent(m.name)}`)));
    }
    const m = await api('training', `api/v1/models/${encodeURIComponent(name)}`);
    const versions = m.versions || [];
    const stage = el('select', {}, ['candidate', 'staging', 'production', 'archived'].map(s => el('option', { value: s }, s)));
    const which = el('select', {}, versions.map(v => el('option', { value: v.version }, 'v' + v.version)));
    return card(`Model ${m.name}`, table(versions, ['version', 'stage', 'fine_tuned_model', 'promoted_accuracy', 'created_at']),
      el('div', { class: 'actions' }, which, stage,
        action('Set stage', () => api('training', `api/v1/models/${encodeURIComponent(name)}/versions/${which.value}`, 'PATCH', { stage: stage.value }), 'primary')),
      json(m));
  },

  async pipelines(id) {
    if (!id) {
      const page = await api('training', 'api/v1/pipelines?limit=100');
      return card('Pipelines', table(rows(page), ['name', 'dataset_id', 'base_model', 'auto_train', 'schedule', 'evaluate'], p => go(`pipelines/${p.id}`)));
    }
    const p = await api('training', `api/v1/pipelines/${id}`);
    const runs = await api('training', `api/v1/pipelines/${id}/runs`);
    return card(`Pipeline ${p.name}`, table(rows(runs), ['job_id', 'reason', 'detail', 'created_at'], r => r.job_id && go(`jobs/${r.job_id}`)),
      el('div', { class: 'actions' }, action('Run now', () => api('training', `api/v1/pipelines/${id}/runs`, 'POST'), 'primary')), json(p));
  },

  async evals(id) {
    if (!id) {
      const page = await api('eval', 'api/v1/evals?limit=100');
      return card('Evaluations', table(rows(page), ['id', 'state', 'decision', 'examples', 'job_id', 'created_at'], e => go(`evals/${e.id}`)));
    }
    const e = await api('eval', `api/v1/evals/${id}`);
    let report = null;
    if (e.state === 'completed') report = await api('eval', `api/v1/evals/${id}/report`);
    return card(`Evaluation ${e.id}`, el('p', {}, badge(e.state), ' decision ', badge(e.decision || '…'),
        e.failure ? ` — ${e.failure_kind}: ${e.failure}` : ''),
      report ? [el('h2', {}, 'Quality gates'),
        table((report.gates || []).map(g => ({ gate: g.gate, status: g.passed ? 'passed' : 'failed', actual: g.actual, threshold: g.threshold, detail: g.detail })),
          ['gate', 'status', 'actual', 'threshold', 'detail']),
        el('h2', {}, 'Base vs fine-tuned'), table(report.comparison || [], null),
        el('a', { href: `/proxy/eval/api/v1/evals/${id}/report?format=markdown`, target: '_blank' }, 'report as markdown')] : null,
      json(report || e));
  },

  async deploy() {
    const aliases = await api('gateway', 'api/v1/aliases?limit=100');
    const rollouts = await api('gateway', 'api/v1/rollouts?limit=100');
    const live = rows(rollouts).filter(r => r.state === 'active' || r.state === 'paused');
    const aliasRows = rows(aliases).map(a => ({ name: a.name, stable_model: a.stable_model, capture: captureText(a),
      live_rollout_id: a.live_rollout_id, pipeline_id: a.pipeline_id, updated_at: a.updated_at }));
    return [card('Aliases (OpenAI-compatible gateway: model = alias name)', table(aliasRows, null)),
      card('Rollouts', table(rows(rollouts), ['id', 'alias', 'state', 'candidate_model', 'stable_model', 'created_at'])),
      ...live.map(r => card(`Rollout ${r.id} on ${r.alias}: ${r.state}`, json(r), el('div', { class: 'actions' },
        action('Advance', () => api('gateway', `api/v1/rollouts/${r.id}/advance`, 'POST'), 'primary'),
        action('Pause', () => api('gateway', `api/v1/rollouts/${r.id}/pause`, 'POST')),
        action('Resume', () => api('gateway', `api/v1/rollouts/${r.id}/resume`, 'POST')),
        action('Roll back', () => api('gateway', `api/v1/rollouts/${r.id}/rollback`, 'POST'), 'danger'))))];
  },

  async cost() {
    const spend = await api('cost', 'api/v1/spend');
    let budget;
    try { budget = card('Monthly budget', json(await api('cost', 'api/v1/budgets/monthly'))); } catch (e) { budget = card('Monthly budget', el('p', { class: 'muted' }, e.message)); }
    return [card(`Spend ${spend.from} to ${spend.to}: ${spend.total_usd} USD`, table(spend.rows || [], null),
      spend.unpriced_entries ? el('p', { class: 'error' }, `${spend.unpriced_entries} entries have no price in the catalog`) : null), budget];
  },
};

function go(hash) { location.hash = hash; }

async function route() {
  const [name, ...args] = (location.hash.slice(1) || 'datasets').split('/').map(decodeURIComponent);
  document.querySelectorAll('#tabs a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === '#' + name));
  if (!views[name]) return;
  if (!localStorage.getItem(KEY_STORE)) { say('Enter an API key first.'); return; }
  say('loading ...');
  try {
    const content = await views[name](...args);
    view.replaceChildren(...[content].flat());
    say('');
  } catch (e) {
    say(e.message, true);
  }
}

document.getElementById('key-form').addEventListener('submit', ev => {
  ev.preventDefault();
  const input = document.getElementById('api-key');
  if (input.value.trim()) localStorage.setItem(KEY_STORE, input.value.trim());
  input.value = '';
  route();
});

(async () => {
  try { connected = await (await fetch('/console/services')).json(); } catch (e) { connected = {}; }
  document.querySelectorAll('#tabs a').forEach(a => a.classList.toggle('offline', connected[a.dataset.service] === false));
  window.addEventListener('hashchange', route);
  route();
})();
