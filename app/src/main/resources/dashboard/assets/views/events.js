// Event trace: a video's newest events and when each projection applied each of them.
import {admin, ApiError, cell, h, number, poll, renderInto, time} from '../common.js';

const LIMITS = [50, 100, 200, 500];

export default function events(main) {
    const query = new URLSearchParams(location.search);
    const state = {videoId: query.get('videoId') || '', limit: Number(query.get('limit')) || LIMITS[0]};
    const input = h('input', {type: 'text', id: 'trace-video', name: 'videoId', placeholder: 'Video id',
        'aria-label': 'Video id', value: state.videoId, autocomplete: 'off', required: true});
    const limit = h('select', {id: 'trace-limit', 'aria-label': 'How many events'},
        LIMITS.map(n => h('option', {value: n, selected: n === state.limit}, `newest ${n}`)));
    const result = h('div', {id: 'trace'});
    const form = h('form', {class: 'controls'}, input, limit, h('button', {type: 'submit', class: 'primary'}, 'Trace'));
    main.replaceChildren(
        h('div', {class: 'page-head'}, h('div', {},
            h('h1', {}, 'Event trace'),
            h('p', {class: 'muted'}, 'A video\'s newest events — its own, and its viewers\' reactions, bookmarks ' +
                'and progress — and when each projection applied each one.'))),
        form, result);

    const refresh = poll(2000, async () => {
        if (!state.videoId) {
            renderInto(result, 'none', () => h('p', {class: 'muted'}, 'Enter a video id to trace its events.'));
            return;
        }
        let trace;
        try {
            ({json: trace} = await admin(`/videos/${encodeURIComponent(state.videoId)}/events?limit=${state.limit}`));
        } catch (error) {
            if (error instanceof ApiError && error.status < 500) {
                renderInto(result, 'error ' + error.message, () => h('div', {class: 'alert error'}, error.message));
                return;
            }
            throw error;
        }
        renderInto(result, JSON.stringify(trace.events), () => traceTable(trace));
    });

    form.addEventListener('submit', event => {
        event.preventDefault();
        state.videoId = input.value.trim();
        state.limit = Number(limit.value);
        history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(state)}`);
        refresh();
    });
}

function traceTable(trace) {
    const names = trace.projections.map(projection => projection.name);
    return [
        h('p', {class: 'muted small'}, `${trace.events.length} events, newest first. `,
            h('a', {href: `/dashboard/sagas/${encodeURIComponent(trace.videoId)}`}, 'Transcoding of this video'),
            ' · positions: ', trace.projections.map(p => `${p.name} ${number(p.position)}`).join(', ')),
        h('div', {class: 'table-wrap'}, h('table', {class: 'cards'},
            h('thead', {}, h('tr', {},
                h('th', {class: 'num'}, 'Index'), h('th', {}, 'Time'), h('th', {}, 'Event'), h('th', {}, 'Aggregate'),
                names.map(name => h('th', {}, name)))),
            h('tbody', {}, trace.events.map(event => h('tr', {'data-type': event.type, 'data-index': event.globalIndex},
                cell('Index', {class: 'num'}, number(event.globalIndex)),
                cell('Time', {title: event.timestamp}, time(event.timestamp, true)),
                cell('Event', {}, event.type.replace(/Event$/, '')),
                cell('Aggregate', {}, aggregate(event, trace.videoId)),
                event.applied.map(applied => cell(applied.projection, {
                    class: `applied ${applied.status === 'applied' ? 'applied-ok' : applied.status}`,
                    'data-projection': applied.projection, 'data-status': applied.status,
                    title: explain(applied)}, appliedText(applied)))))))),
        h('p', {class: 'muted small'}, 'Applied: when the projection\'s batch holding the event committed, and ' +
            'how long after the event. Pending: the projection has not reached it yet. —: the projection has no ' +
            'handler for this type of event. Untracked: applied, but the time is no longer kept.')];
}

function aggregate(event, videoId) {
    if (event.aggregateId === videoId) {
        return event.aggregateType;
    }
    const user = event.aggregateId.slice(0, event.aggregateId.lastIndexOf(':' + videoId));
    return h('span', {}, event.aggregateType, h('span', {class: 'sub'}, `viewer ${user}`));
}

function appliedText(applied) {
    switch (applied.status) {
        case 'applied':
            return [time(applied.appliedAt, true), h('span', {class: 'sub'}, `+${delay(applied.delayMillis)}`)];
        case 'skipped':
            return '—';
        default:
            return applied.status;
    }
}

function explain(applied) {
    switch (applied.status) {
        case 'applied':
            return `applied at ${applied.appliedAt}`;
        case 'pending':
            return 'not applied yet: the projection is behind this event';
        case 'skipped':
            return 'the projection has no handler for this type of event';
        default:
            return 'applied; the record of when is no longer kept';
    }
}

function delay(millis) {
    return millis < 1000 ? `${millis} ms` : millis < 60000 ? `${(millis / 1000).toFixed(1)} s`
        : `${Math.round(millis / 60000)} min`;
}
