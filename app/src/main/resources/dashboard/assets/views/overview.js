// The dashboard's first page: the state of transcoding and of the read models at a glance, and the event trace.
import {admin, badge, h, number, poll, renderInto} from '../common.js';
import {sagaCounts} from './sagas.js';

export default function overview(main) {
    const transcoding = h('div', {class: 'counts'});
    const readModels = h('div');
    const videoId = h('input', {type: 'text', name: 'videoId', placeholder: 'Video id', 'aria-label': 'Video id',
        required: true});
    main.replaceChildren(
        h('div', {class: 'page-head'}, h('div', {},
            h('h1', {}, 'Operations'),
            h('p', {class: 'muted'}, 'Transcoding sagas, read models and the way of each event through them.'))),
        h('div', {class: 'grid'},
            h('section', {class: 'card'}, h('h2', {}, h('a', {href: '/dashboard/sagas'}, 'Transcoding')), transcoding),
            h('section', {class: 'card'}, h('h2', {}, h('a', {href: '/dashboard/projections'}, 'Projections')),
                readModels),
            h('section', {class: 'card'}, h('h2', {}, h('a', {href: '/dashboard/events'}, 'Event trace')),
                h('form', {class: 'controls', action: '/dashboard/events', method: 'get'}, videoId,
                    h('button', {type: 'submit', class: 'primary'}, 'Trace')))));

    poll(3000, async () => {
        const [counts, {json: statuses}] = await Promise.all([sagaCounts(), admin('/projections')]);
        renderInto(transcoding, JSON.stringify(counts), () => ['running', 'failed', 'completed'].map(status =>
            h('a', {href: `/dashboard/sagas?status=${status}`}, h('strong', {}, number(counts[status])),
                h('span', {}, badge(status)))));
        renderInto(readModels, JSON.stringify(statuses.map(s => [s.name, s.state, s.lag])), () =>
            h('table', {}, h('tbody', {}, statuses.map(status => h('tr', {},
                h('td', {}, status.name), h('td', {}, badge(status.state)),
                h('td', {class: 'num'}, status.lag === 0 ? 'caught up' : `${number(status.lag)} behind`))))));
    });
}
