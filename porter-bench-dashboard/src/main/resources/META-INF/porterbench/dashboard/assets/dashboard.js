/*
 * porter-bench dashboard: draws the JSON API of this folder with Chart.js. No build step, no external requests.
 * State lives in the URL hash (#view=run&run=..&bench=.., #view=compare&baseline=..&candidate=..&bench=..) so that
 * every view can be linked to. body[data-*-state] says when a view has finished drawing ("ready") or failed ("error").
 */
(function () {
	'use strict';

	const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf',
		'#bcbd22', '#7f7f7f'];
	const LIVE_REFRESH_MS = 2000;
	const charts = {};
	const state = { runs: [], live: false, run: null, bench: null, view: 'run', liveTimer: null };

	// Paints a white background so that PNG downloads are not transparent.
	const whiteBackground = {
		id: 'whiteBackground',
		beforeDraw(chart) {
			const ctx = chart.canvas.getContext('2d');
			ctx.save();
			ctx.globalCompositeOperation = 'destination-over';
			ctx.fillStyle = '#ffffff';
			ctx.fillRect(0, 0, chart.width, chart.height);
			ctx.restore();
		}
	};

	function $(id) {
		return document.getElementById(id);
	}

	function el(tag, attributes, text) {
		const node = document.createElement(tag);
		Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		return node;
	}

	async function getJson(url) {
		const response = await fetch(url, { headers: { Accept: 'application/json' } });
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw new Error(body.error || ('HTTP ' + response.status + ' for ' + url));
		}
		return body;
	}

	function api(path, params) {
		const query = new URLSearchParams(params || {}).toString();
		return 'api/' + path + (query ? '?' + query : '');
	}

	function seconds(value) {
		if (value === null || value === undefined) {
			return '-';
		}
		return Number(value).toPrecision(6);
	}

	function percent(value) {
		if (value === null || value === undefined) {
			return 'n/a';
		}
		return (value >= 0 ? '+' : '') + value.toFixed(1) + '%';
	}

	function color(index) {
		return PALETTE[index % PALETTE.length];
	}

	// Matplotlib's jet colormap, as the original colours its bars.
	function jet(t) {
		const channel = (d) => Math.round(255 * Math.max(0, Math.min(1, 1.5 - Math.abs(d))));
		return 'rgb(' + channel(4 * t - 3) + ',' + channel(4 * t - 2) + ',' + channel(4 * t - 1) + ')';
	}

	function barColors(steps, values) {
		const others = values.filter((v, i) => steps[i] !== 'GLOBAL');
		const min = Math.min(...others);
		const max = Math.max(...others);
		return values.map((v, i) => steps[i] === 'GLOBAL' ? '#000000' : jet(max > min ? (v - min) / (max - min) : 0.5));
	}

	function points(series) {
		const result = new Array(series.x.length);
		for (let i = 0; i < series.x.length; i++) {
			result[i] = { x: series.x[i], y: series.y[i] };
		}
		return result;
	}

	function draw(id, config) {
		if (charts[id]) {
			charts[id].destroy();
		}
		config.options = Object.assign({
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			normalized: true,
			plugins: {}
		}, config.options || {});
		config.plugins = [whiteBackground];
		charts[id] = new Chart($(id), config);
		return charts[id];
	}

	function lineDataset(series, index, extra) {
		const many = series.x.length > 200;
		return Object.assign({
			label: series.name,
			data: points(series),
			parsing: false,
			borderColor: color(index),
			backgroundColor: color(index),
			borderWidth: 1.5,
			pointRadius: many ? 0 : 2,
			tension: 0
		}, extra || {});
	}

	function lineOptions(xTitle, yTitle, labels) {
		const ticks = { precision: 0 };
		if (labels) {
			const byX = new Map(labels.x.map((x, i) => [x, labels.labels[i]]));
			if (labels.labels.length > 0 && labels.labels.length <= 60) {
				ticks.callback = (value) => byX.has(value) ? byX.get(value) : '';
				ticks.autoSkip = false;
				ticks.maxRotation = 90;
				ticks.minRotation = 90;
				ticks.stepSize = 1;
			}
		}
		return {
			scales: {
				x: { type: 'linear', title: { display: true, text: xTitle }, ticks: ticks },
				y: { type: 'linear', title: { display: true, text: yTitle }, beginAtZero: true }
			},
			plugins: {
				legend: { position: 'bottom' },
				tooltip: labels ? {
					callbacks: {
						title: (items) => {
							const i = labels.x.indexOf(items[0].parsed.x);
							return i >= 0 ? labels.labels[i] : String(items[0].parsed.x);
						}
					}
				} : {}
			}
		};
	}

	function drawBars(id, bars, filtered) {
		const values = filtered ? bars.filtered : bars.means;
		draw(id, {
			type: 'bar',
			data: {
				labels: bars.steps,
				datasets: [{ label: filtered ? 'Quantile-Filtered Means' : 'Means', data: values,
					backgroundColor: barColors(bars.steps, values) }]
			},
			options: {
				plugins: { legend: { display: false } },
				scales: { x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 90 } },
					y: { beginAtZero: true, title: { display: true, text: 'time (s)' } } }
			}
		});
	}

	function fillTable(table, header, rows, rowClass) {
		table.replaceChildren();
		const head = el('tr');
		header.forEach((h) => head.appendChild(el('th', {}, h)));
		table.appendChild(head);
		rows.forEach((cells, i) => {
			const tr = el('tr', rowClass ? { class: rowClass(i) } : {});
			cells.forEach((cell) => tr.appendChild(el('td', {}, cell)));
			table.appendChild(tr);
		});
	}

	function errorLine(container, message) {
		container.appendChild(el('div', { class: 'error', title: message }, message));
	}

	function setState(view, value) {
		document.body.dataset[view + 'State'] = value;
	}

	// ---- the run view --------------------------------------------------------------------------------------------

	async function loadRuns() {
		const listing = await getJson(api('runs'));
		state.runs = listing.runs;
		state.live = listing.live;
		$('root-name').textContent = listing.root;
		$('tab-live').hidden = !listing.live;
		const list = $('runs');
		list.replaceChildren();
		listing.runs.forEach((run) => {
			const item = el('li', { 'data-run': run.name }, run.name);
			if (run.time) {
				item.appendChild(el('span', { class: 'time' }, run.time.replace('T', ' ')));
			}
			item.addEventListener('click', () => navigate({ view: 'run', run: run.name }));
			list.appendChild(item);
		});
		['compare-baseline', 'compare-candidate'].forEach((id) => {
			const select = $(id);
			select.replaceChildren();
			listing.runs.forEach((run) => select.appendChild(el('option', { value: run.name }, run.name)));
		});
	}

	async function showRun(runName, benchName) {
		setState('run', 'loading');
		$('run-problems').replaceChildren();
		$('bench-problems').replaceChildren();
		document.querySelectorAll('#runs li').forEach((li) => li.classList.toggle('selected', li.dataset.run === runName));
		const benchList = $('benches');
		benchList.replaceChildren();
		if (!runName) {
			$('bench-title').textContent = 'No saved runs yet';
			setState('run', 'ready');
			return;
		}
		const run = await getJson(api('runs/' + encodeURIComponent(runName)));
		run.problems.forEach((problem) => errorLine($('run-problems'), problem));
		run.benches.forEach((bench) => {
			const item = el('li', { 'data-bench': bench.name, class: bench.readable ? '' : 'broken' }, bench.name);
			if (bench.readable) {
				item.addEventListener('click', () => navigate({ view: 'run', run: runName, bench: bench.name }));
			}
			benchList.appendChild(item);
			bench.problems.forEach((problem) => {
				const line = el('li', { class: 'broken' });
				errorLine(line, bench.name + ': ' + problem);
				benchList.appendChild(line);
			});
		});
		const readable = run.benches.filter((bench) => bench.readable).map((bench) => bench.name);
		const clean = run.benches.filter((bench) => bench.readable && bench.problems.length === 0)
			.map((bench) => bench.name);
		const chosen = readable.includes(benchName) ? benchName : (clean[0] || readable[0]);
		state.run = runName;
		state.bench = chosen;
		document.querySelectorAll('#benches li[data-bench]').forEach((li) =>
			li.classList.toggle('selected', li.dataset.bench === chosen));
		if (!chosen) {
			$('bench-title').textContent = 'No readable benchmarker in ' + runName;
			setState('run', 'ready');
			return;
		}
		await showBench(runName, chosen);
	}

	async function showBench(runName, benchName) {
		const started = performance.now();
		const data = await getJson(api('runs/' + encodeURIComponent(runName) + '/benches/'
			+ encodeURIComponent(benchName)));
		$('bench-title').textContent = benchName;
		$('bench-meta').textContent = runName + ' \u00b7 ' + data.iterations + ' iterations'
			+ (data.openIterations ? ' (' + data.openIterations + ' open)' : '');
		$('bench-gc').hidden = !data.gcPauses;
		$('bench-gc').textContent = data.gcPauses ? 'GC pauses: ' + data.gcPauses.slowestWithPause + ' of the '
			+ data.gcPauses.slowest + ' slowest iterations (10%) overlapped a GC pause; ' + data.gcPauses.withPause
			+ ' of ' + data.gcPauses.iterations + ' in all' : '';
		data.problems.forEach((problem) => errorLine($('bench-problems'), problem));
		draw('chart-times', {
			type: 'line',
			data: { datasets: data.times.series.map((s, i) => lineDataset(s, i)) },
			options: lineOptions('iteration', 'time (s)')
		});
		drawBars('chart-bars-mean', data.bars, false);
		drawBars('chart-bars-filtered', data.bars, true);
		const crono = data.crono.series[0];
		draw('chart-crono', {
			type: 'line',
			data: { datasets: [lineDataset(Object.assign({}, crono, { name: runName }), 0)] },
			options: lineOptions('Step', 'time (s)', crono)
		});
		const hasMemory = data.memory !== null;
		$('memory-empty').hidden = hasMemory;
		$('chart-memory').parentElement.hidden = !hasMemory;
		if (hasMemory) {
			draw('chart-memory', {
				type: 'line',
				data: {
					datasets: data.memory.series.map((s, i) => lineDataset(s, i, s.name.startsWith('Peak')
						? { showLine: false, pointRadius: 3 } : {}))
				},
				options: lineOptions('Step', 'Memory Usage (MB)', data.memory.series[0])
			});
		}
		else if (charts['chart-memory']) {
			charts['chart-memory'].destroy();
			delete charts['chart-memory'];
		}
		fillTable($('summary-table'), ['step', 'count', 'mean', 'min', 'max', 'q-filtered', 'std', 'p50', 'p90', 'p99'],
			data.summary.map((row) => [row.step, row.count === null ? '-' : String(row.count), seconds(row.mean),
				seconds(row.min), seconds(row.max), seconds(row.quantileFiltered), seconds(row.std), seconds(row.p50),
				seconds(row.p90), seconds(row.p99)]));
		window.porterBench.lastRenderMs = performance.now() - started;
		setState('run', 'ready');
	}

	// ---- the comparison view -------------------------------------------------------------------------------------

	async function fillCompareBenches(baseline, candidate, wanted) {
		const [a, b] = await Promise.all([getJson(api('runs/' + encodeURIComponent(baseline))),
			getJson(api('runs/' + encodeURIComponent(candidate)))]);
		const inB = new Set(b.benches.filter((x) => x.readable).map((x) => x.name));
		const shared = a.benches.filter((x) => x.readable && inB.has(x.name)).map((x) => x.name);
		const select = $('compare-bench');
		select.replaceChildren();
		shared.forEach((name) => select.appendChild(el('option', { value: name }, name)));
		if (shared.includes(wanted)) {
			select.value = wanted;
		}
		return shared;
	}

	async function showCompare(params) {
		setState('compare', 'loading');
		$('compare-error').hidden = true;
		const runs = state.runs.map((run) => run.name);
		const baseline = params.baseline || runs[1] || runs[0];
		const candidate = params.candidate || runs[0];
		if (!baseline || !candidate) {
			showCompareError('There are no saved runs to compare.');
			return;
		}
		$('compare-baseline').value = baseline;
		$('compare-candidate').value = candidate;
		if (params.threshold) {
			$('compare-threshold').value = params.threshold;
		}
		if (params.alpha) {
			$('compare-alpha').value = params.alpha;
		}
		const shared = await fillCompareBenches(baseline, candidate, params.bench);
		const bench = shared.includes(params.bench) ? params.bench : shared[0];
		if (!bench) {
			showCompareError('The two runs share no readable benchmarker.');
			return;
		}
		const data = await getJson(api('compare', { baseline: baseline, candidate: candidate, bench: bench,
			threshold: ($('compare-threshold').value || '5') + '%', alpha: $('compare-alpha').value || '0.01' }));
		const datasets = [];
		data.baseline.times.series.forEach((s, i) => datasets.push(lineDataset(
			Object.assign({}, s, { name: 'A ' + s.name }), i)));
		data.candidate.times.series.forEach((s, i) => datasets.push(lineDataset(
			Object.assign({}, s, { name: 'B ' + s.name }), i, { borderDash: [6, 4] })));
		draw('chart-compare-times', { type: 'line', data: { datasets: datasets },
			options: lineOptions('iteration', 'time (s)') });
		const verdicts = data.verdicts;
		const rows = verdicts.benchmarkers.length ? verdicts.benchmarkers[0].steps : [];
		const compareBars = (id, labels, before, after) => draw(id, {
			type: 'bar',
			data: {
				labels: labels,
				datasets: [
					{ label: 'A ' + data.baseline.run, data: before, backgroundColor: '#1f77b4' },
					{ label: 'B ' + data.candidate.run, data: after, backgroundColor: '#ff7f0e' }
				]
			},
			options: { plugins: { legend: { position: 'bottom' } },
				scales: { x: { ticks: { autoSkip: false } }, y: { beginAtZero: true } } }
		});
		compareBars('chart-compare-mean', rows.map((r) => r.step), rows.map((r) => r.baseMedian),
			rows.map((r) => r.newMedian));
		const filteredSteps = data.baseline.bars.steps.filter((step) => data.candidate.bars.steps.includes(step));
		const filteredOf = (bars) => filteredSteps.map((step) => bars.filtered[bars.steps.indexOf(step)]);
		compareBars('chart-compare-filtered', filteredSteps, filteredOf(data.baseline.bars),
			filteredOf(data.candidate.bars));
		const fraction = (value) => (value === null || value === undefined) ? '-' : percent(value * 100);
		const marks = { regressed: '\u25b2 regressed', improved: '\u25bc improved' };
		$('compare-rule').textContent = '(Mann-Whitney U p < ' + verdicts.alpha + ' and a median change of at least '
			+ (verdicts.threshold * 100).toFixed(1) + '%, ' + verdicts.minIterations + '+ iterations a side)';
		$('compare-summary').textContent = verdicts.regressions + ' regressed, ' + verdicts.improvements
			+ ' improved of ' + rows.length + ' steps.';
		fillTable($('delta-table'), ['step', 'verdict', 'median A', 'median B', 'change',
			((1 - verdicts.alpha) * 100).toFixed(0) + '% interval', 'p', 'n A', 'n B'],
			rows.map((r) => [r.step, marks[r.verdict] || r.verdict, seconds(r.baseMedian), seconds(r.newMedian),
				fraction(r.change), r.changeLow === null ? '-' : '[' + fraction(r.changeLow) + ', '
					+ fraction(r.changeHigh) + ']', r.pValue === null ? '-' : Number(r.pValue).toPrecision(2),
				String(r.baseCount), String(r.newCount)]),
			(i) => rows[i].verdict);
		setState('compare', 'ready');
	}

	function showCompareError(message) {
		const box = $('compare-error');
		box.textContent = message;
		box.hidden = false;
		setState('compare', 'error');
	}

	// ---- the live view -------------------------------------------------------------------------------------------

	async function refreshLive() {
		try {
			const live = await getJson(api('live'));
			const container = $('live-benches');
			container.replaceChildren();
			if (!live.available) {
				$('live-status').textContent = 'This application has no BenchDict: nothing live to show.';
				setState('live', 'ready');
				return;
			}
			$('live-status').textContent = 'Refreshed ' + new Date().toLocaleTimeString() + ', every '
				+ (LIVE_REFRESH_MS / 1000) + ' s.';
			live.benches.forEach((bench, index) => {
				const box = el('div', { class: 'live-bench' });
				const head = el('div', { class: 'table-head' });
				head.appendChild(el('h3', {}, bench.name + ' \u00b7 ' + bench.iterations + ' iterations, '
					+ bench.openIterations + ' open'));
				const tableId = 'live-table-' + index;
				head.appendChild(el('button', { type: 'button', class: 'csv', 'data-table': tableId,
					'data-file': 'live-' + bench.name }, 'CSV'));
				box.appendChild(head);
				if (bench.error) {
					errorLine(box, bench.error);
				}
				const table = el('table', { id: tableId, class: 'numbers' });
				fillTable(table, ['step', 'count', 'mean', 'min', 'max', 'q-filtered', 'p50', 'p90', 'p99'],
					bench.steps.map((row) => [row.step, String(row.count), seconds(row.mean), seconds(row.min),
						seconds(row.max), seconds(row.quantileFiltered), seconds(row.p50), seconds(row.p90),
						seconds(row.p99)]));
				box.appendChild(table);
				container.appendChild(box);
			});
			setState('live', 'ready');
		}
		catch (error) {
			$('live-status').textContent = 'Live summaries unavailable: ' + error.message;
			setState('live', 'error');
		}
	}

	function stopLive() {
		if (state.liveTimer !== null) {
			clearInterval(state.liveTimer);
			state.liveTimer = null;
		}
	}

	// ---- downloads -----------------------------------------------------------------------------------------------

	function download(href, fileName) {
		const link = el('a', { href: href, download: fileName });
		document.body.appendChild(link);
		link.click();
		link.remove();
	}

	function tableCsv(table) {
		const quote = (text) => /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
		return Array.from(table.rows).map((row) =>
			Array.from(row.cells).map((cell) => quote(cell.textContent)).join(',')).join('\n') + '\n';
	}

	document.addEventListener('click', (event) => {
		const button = event.target.closest('button');
		if (!button) {
			return;
		}
		if (button.classList.contains('png')) {
			const canvas = $(button.dataset.canvas);
			download(canvas.toDataURL('image/png'), (state.bench || 'chart') + '_' + button.dataset.canvas + '.png');
		}
		else if (button.classList.contains('csv')) {
			const blob = new Blob([tableCsv($(button.dataset.table))], { type: 'text/csv' });
			const url = URL.createObjectURL(blob);
			download(url, button.dataset.file + '.csv');
			setTimeout(() => URL.revokeObjectURL(url), 1000);
		}
		else if (button.classList.contains('tab')) {
			navigate({ view: button.dataset.view });
		}
	});

	// ---- navigation ----------------------------------------------------------------------------------------------

	function hashParams() {
		return Object.fromEntries(new URLSearchParams(location.hash.replace(/^#/, '')));
	}

	function navigate(params) {
		const merged = params.view === 'run' && !params.run && state.run ? { view: 'run', run: state.run,
			bench: state.bench } : params;
		const clean = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== null));
		location.hash = new URLSearchParams(clean).toString();
	}

	async function route() {
		const params = hashParams();
		const view = params.view || 'run';
		state.view = view;
		['run', 'compare', 'live'].forEach((name) => {
			$('view-' + name).hidden = name !== view;
			$('tab-' + name).classList.toggle('active', name === view);
		});
		$('sidebar').hidden = view !== 'run';
		stopLive();
		$('global-error').hidden = true;
		try {
			if (view === 'compare') {
				await showCompare(params);
			}
			else if (view === 'live') {
				setState('live', 'loading');
				await refreshLive();
				state.liveTimer = setInterval(refreshLive, LIVE_REFRESH_MS);
			}
			else {
				const runs = state.runs.map((run) => run.name);
				const run = runs.includes(params.run) ? params.run : runs[0];
				await showRun(run, params.bench);
			}
		}
		catch (error) {
			const box = view === 'compare' ? $('compare-error') : $('global-error');
			box.textContent = error.message;
			box.hidden = false;
			setState(view, 'error');
		}
	}

	$('compare-form').addEventListener('submit', (event) => {
		event.preventDefault();
		navigate({ view: 'compare', baseline: $('compare-baseline').value, candidate: $('compare-candidate').value,
			bench: $('compare-bench').value, threshold: $('compare-threshold').value, alpha: $('compare-alpha').value });
	});
	['compare-baseline', 'compare-candidate'].forEach((id) => $(id).addEventListener('change', () =>
		fillCompareBenches($('compare-baseline').value, $('compare-candidate').value, $('compare-bench').value)
			.catch((error) => showCompareError(error.message))));

	window.porterBench = { charts: charts, lastRenderMs: null, csv: (tableId) => tableCsv($(tableId)) };
	window.addEventListener('hashchange', route);

	(async function start() {
		try {
			if (typeof Chart === 'undefined') {
				throw new Error('Chart.js did not load from the webjar.');
			}
			await loadRuns();
			await route();
		}
		catch (error) {
			const box = $('global-error');
			box.textContent = error.message;
			box.hidden = false;
			setState('run', 'error');
		}
	})();
})();
