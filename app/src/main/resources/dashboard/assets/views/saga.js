// One video's transcoding: its latest run, the steps of every run, and a new run on request.
import {admin, ago, ageTick, ApiError, badge, confirmDialog, h, poll, progressLine, renderInto, time}
    from '../common.js';

export default function saga(main, videoId) {
    const path = encodeURIComponent(videoId);
    const summary = h('section', {class: 'card', id: 'saga-summary'});
    const message = h('div', {id: 'saga-message'});
    const timeline = h('section', {class: 'card', id: 'saga-timeline'});
    const retry = h('button', {type: 'button', class: 'primary', id: 'retry'}, 'Transcode again');
    const openRuns = new Set();
    let running = false;

    main.replaceChildren(
        h('div', {class: 'page-head'},
            h('div', {},
                h('p', {class: 'small'}, h('a', {href: '/dashboard/sagas'}, '‹ All sagas')),
                h('h1', {}, 'Transcoding of ', h('span', {class: 'mono'}, videoId))),
            h('div', {class: 'actions'},
                h('a', {class: 'button', href: `/dashboard/events?videoId=${path}`}, 'Event trace'),
                retry)),
        message, summary, timeline);

    const refresh = poll(() => running ? 1000 : 3000, async () => {
        let detail;
        try {
            ({json: detail} = await admin(`/sagas/${path}`));
        } catch (error) {
            if (error instanceof ApiError && error.status === 404) {
                renderInto(summary, '404', () => h('p', {class: 'empty'}, error.message));
                return;
            }
            throw error;
        }
        running = detail.run.status === 'RUNNING';
        renderInto(summary, JSON.stringify([detail.run, ageTick()]), () => runSummary(detail.run));
        renderInto(timeline, JSON.stringify([detail.steps, [...openRuns]]), () => runs(detail.steps, openRuns));
    });

    retry.addEventListener('click', async () => {
        const confirmed = await confirmDialog('Transcode this video again?',
            'A new run starts at attempt 1. A published video stays playable until the new ladder is published.',
            'Transcode again');
        if (!confirmed) {
            return;
        }
        retry.disabled = true;
        try {
            await admin(`/videos/${path}/transcode`, {method: 'POST'});
            message.replaceChildren(h('div', {class: 'alert info'}, 'A new transcoding run was requested.'));
            running = true;
            refresh();
        } catch (error) {
            message.replaceChildren(h('div', {class: 'alert error'}, `Could not start a new run: ${error.message}`));
        } finally {
            retry.disabled = false;
        }
    });
}

function runSummary(run) {
    return [
        h('dl', {class: 'summary'},
            h('div', {}, h('dt', {}, 'Status'), h('dd', {id: 'saga-status'}, badge(run.status))),
            h('div', {}, h('dt', {}, 'Attempt'), h('dd', {}, run.attempt || '—')),
            h('div', {}, h('dt', {}, 'Started'), h('dd', {title: run.startedAt}, ago(run.startedAt))),
            h('div', {}, h('dt', {}, 'Updated'), h('dd', {title: run.updatedAt}, ago(run.updatedAt)))),
        run.status === 'RUNNING' ? h('div', {class: 'run'}, progressLine(run.progress)) : null,
        run.lastError ? h('div', {class: 'alert error', id: 'saga-error'}, 'Last error: ', run.lastError) : null];
}

/** The steps of all runs, newest run first and open; a run starts with an upload or a request to transcode again. */
function runs(steps, openRuns) {
    const grouped = [];
    for (const step of steps) {
        if (grouped.length === 0 || step.step === 'UPLOADED' || step.step === 'RETRANSCODE_REQUESTED') {
            grouped.push([]);
        }
        grouped.at(-1).push(step);
    }
    if (grouped.length === 0) {
        return h('p', {class: 'empty'}, 'No steps yet.');
    }
    return [h('h2', {}, 'Timeline'), grouped.map((runSteps, index) => {
        const number = index + 1;
        const latest = number === grouped.length;
        const details = h('details', {class: 'run', open: latest || openRuns.has(number), 'data-run': number},
            h('summary', {}, `Run ${number}`, h('span', {class: 'muted small'}, ` · ${time(runSteps[0].at)}`)),
            h('ol', {class: 'timeline'}, runSteps.map(step => stepItem(step, runSteps))));
        // The latest run is always open; the older ones stay as the operator left them.
        details.addEventListener('toggle', () => latest || (details.open ? openRuns.add(number)
            : openRuns.delete(number)));
        return details;
    }).reverse()];
}

function stepItem(step, runSteps) {
    const {what, tone} = describe(step, runSteps);
    return h('li', {class: tone, 'data-step': step.step, 'data-attempt': step.attempt},
        h('span', {class: 'what'}, what),
        h('span', {class: 'when', title: step.at}, time(step.at)),
        step.step === 'REQUESTED' ? progressLine(step.progress ?? 0) : null,
        step.detail ? h('div', {class: 'detail'}, detail(step)) : null);
}

function describe(step, runSteps) {
    switch (step.step) {
        case 'UPLOADED':
            return {what: 'Uploaded', tone: 'ok'};
        case 'RETRANSCODE_REQUESTED':
            return {what: 'Transcode again requested', tone: ''};
        case 'REQUESTED': {
            // In progress until its attempt succeeded or failed.
            const outcome = runSteps.find(later => later.step !== 'REQUESTED' && later.attemptId === step.attemptId);
            return {what: `Attempt ${step.attempt} requested`,
                tone: !outcome ? 'active' : outcome.step === 'SUCCEEDED' ? 'ok' : ''};
        }
        case 'SUCCEEDED':
            return {what: `Attempt ${step.attempt} succeeded`, tone: 'ok'};
        case 'FAILED':
            return {what: `Attempt ${step.attempt} failed`, tone: 'bad'};
        case 'PUBLISHED':
            return {what: 'Published', tone: 'ok'};
        case 'GAVE_UP':
            return {what: 'Gave up', tone: 'bad'};
        default:
            return {what: step.step, tone: ''};
    }
}

/** A requested attempt's detail is its deadline; shown in local time like every other time on the page. */
function detail(step) {
    const deadline = /^deadline (.+)$/.exec(step.detail);
    return deadline && !Number.isNaN(Date.parse(deadline[1])) ? `deadline ${time(deadline[1])}` : step.detail;
}
