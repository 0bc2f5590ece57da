// Transcoding sagas: each video's latest run, filtered by status, searched by video id prefix, paged.
import {admin, ago, ageTick, badge, cell, h, poll, progressLine, renderInto} from '../common.js';

const STATUSES = [['', 'All'], ['running', 'Running'], ['failed', 'Failed'], ['completed', 'Completed']];
const PAGE_SIZE = 20;

/** How many runs are in each status, from the list's X-Total-Count. */
export async function sagaCounts() {
    const totals = await Promise.all(STATUSES.map(([status]) =>
        admin(`/sagas?size=1${status ? '&status=' + status : ''}`)
            .then(({headers}) => Number(headers.get('X-Total-Count')))));
    return Object.fromEntries(STATUSES.map(([status], i) => [status, totals[i]]));
}

export default function sagas(main) {
    const query = new URLSearchParams(location.search);
    const state = {status: query.get('status') || '', prefix: query.get('videoId') || '',
        page: Number(query.get('page')) || 0};
    const tabs = h('nav', {class: 'segmented', 'aria-label': 'Status'});
    const search = h('input', {type: 'search', id: 'saga-search', placeholder: 'Video id starts with…',
        'aria-label': 'Search by video id', value: state.prefix, autocomplete: 'off'});
    const list = h('div', {id: 'saga-list'});
    main.replaceChildren(
        h('div', {class: 'page-head'}, h('div', {},
            h('h1', {}, 'Transcoding sagas'),
            h('p', {class: 'muted'}, 'Each video\'s latest transcoding run, most recently updated first.'))),
        h('div', {class: 'controls'}, tabs, search),
        list);

    const go = changes => {
        Object.assign(state, changes);
        const params = new URLSearchParams();
        state.status && params.set('status', state.status);
        state.prefix && params.set('videoId', state.prefix);
        state.page && params.set('page', state.page);
        const search = params.toString();
        history.replaceState(null, '', location.pathname + (search ? '?' + search : ''));
        refresh();
    };
    let typing;
    search.addEventListener('input', () => {
        clearTimeout(typing);
        typing = setTimeout(() => go({prefix: search.value.trim(), page: 0}), 300);
    });

    const refresh = poll(3000, async () => {
        const params = new URLSearchParams({page: state.page, size: PAGE_SIZE});
        state.status && params.set('status', state.status);
        state.prefix && params.set('videoId', state.prefix);
        const [{json: runs, headers}, counts] = await Promise.all([admin('/sagas?' + params), sagaCounts()]);
        const total = Number(headers.get('X-Total-Count'));
        renderInto(tabs, JSON.stringify([state.status, counts]), () => STATUSES.map(([status, label]) =>
            h('a', {href: status ? `?status=${status}` : '?', 'aria-current': String(state.status === status),
                'data-status': status || 'all',
                onclick: event => {
                    event.preventDefault();
                    go({status, page: 0});
                }}, label, h('span', {class: 'n'}, counts[status]))));
        renderInto(list, JSON.stringify([runs, total, state.page, ageTick()]), () => [
            table(runs),
            pager(state.page, runs.length, total, page => go({page}))]);
    });
}

function table(runs) {
    if (runs.length === 0) {
        return h('div', {class: 'table-wrap'}, h('p', {class: 'empty'}, 'No transcoding runs match.'));
    }
    return h('div', {class: 'table-wrap'}, h('table', {class: 'cards'},
        h('thead', {}, h('tr', {},
            ['Video', 'Status', 'Attempt', 'Progress', 'Started', 'Updated', 'Last error']
                .map(title => h('th', {class: title === 'Attempt' ? 'num' : null}, title)))),
        h('tbody', {}, runs.map(run => h('tr', {'data-video': run.videoId},
            cell('Video', {}, h('a', {class: 'mono', href: `/dashboard/sagas/${encodeURIComponent(run.videoId)}`},
                run.videoId)),
            cell('Status', {}, badge(run.status)),
            cell('Attempt', {class: 'num'}, run.attempt || '—'),
            cell('Progress', {}, run.status === 'RUNNING' ? progressLine(run.progress) : run.status === 'COMPLETED'
                ? progressLine(100) : '—'),
            cell('Started', {title: run.startedAt}, ago(run.startedAt)),
            cell('Updated', {title: run.updatedAt}, ago(run.updatedAt)),
            cell('Last error', {class: 'error'}, run.lastError || ''))))));
}

function pager(page, shown, total, go) {
    const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
    return h('div', {class: 'pager'},
        h('button', {type: 'button', disabled: page === 0, onclick: () => go(page - 1)}, '‹ Newer'),
        h('span', {class: 'muted small'}, `${first}–${page * PAGE_SIZE + shown} of ${total}`),
        h('button', {type: 'button', disabled: (page + 1) * PAGE_SIZE >= total, onclick: () => go(page + 1)},
            'Older ›'));
}
