// Every projection's processing group: where it is, how fast, replay with live progress, drift check.
import {admin, badge, confirmDialog, duration, h, number, poll, progressLine} from '../common.js';

export default function projections(main) {
    const grid = h('div', {class: 'grid', id: 'projections'});
    const cards = new Map();
    main.replaceChildren(
        h('div', {class: 'page-head'}, h('div', {},
            h('h1', {}, 'Projections'),
            h('p', {class: 'muted'}, 'Each read model\'s processing group: its position in the event store, ' +
                'how far behind it is and how fast it moves. A replay empties the read model and rebuilds it ' +
                'from the first event.'))),
        grid);

    let replaying = false;
    const refresh = poll(() => replaying ? 1000 : 2500, async () => {
        const {json: statuses} = await admin('/projections');
        for (const status of statuses) {
            if (!cards.has(status.name)) {
                const card = projectionCard(status.name, () => refresh());
                cards.set(status.name, card);
                grid.append(card.element);
            }
            cards.get(status.name).update(status);
        }
        replaying = statuses.some(status => status.replaying);
    });
}

/** A card built once and updated in place, so that polling never takes a button away from under the pointer. */
function projectionCard(name, refresh) {
    const state = h('span');
    const values = {position: h('dd'), lag: h('dd'), speed: h('dd'), eta: h('dd')};
    const progress = h('div', {class: 'progress'});
    const note = h('p', {class: 'muted small note'});
    const error = h('div');
    const message = h('div');
    const drift = h('div', {class: 'drift'});
    const sample = h('select', {'aria-label': 'Drift check scope'},
        h('option', {value: ''}, 'all'),
        h('option', {value: '100'}, 'sample 100'),
        h('option', {value: '1000'}, 'sample 1,000'));
    const replay = h('button', {type: 'button', class: 'danger', 'data-action': 'replay'}, 'Replay…');
    const check = h('button', {type: 'button', 'data-action': 'drift'}, 'Check drift');
    const element = h('section', {class: 'card', 'data-projection': name},
        h('div', {class: 'card-head'}, h('h2', {}, name), state),
        h('dl', {class: 'stats'},
            h('div', {}, h('dt', {}, 'Position / head'), values.position),
            h('div', {}, h('dt', {}, 'Lag'), values.lag),
            h('div', {}, h('dt', {}, 'Events/s'), values.speed),
            h('div', {}, h('dt', {}, 'ETA'), values.eta)),
        progress, note, error,
        h('div', {class: 'actions'}, replay, check, sample),
        message, drift);
    // A replay this page started or saw: starting (requested, the group not yet running it), running, complete.
    let replayState = null;

    replay.addEventListener('click', async () => {
        const confirmed = await confirmDialog(`Replay ${name}?`,
            'Its read model is emptied and rebuilt from the first event. Until the replay catches up, what it ' +
            'shows is incomplete; the other read models are not affected.', 'Replay', true);
        if (!confirmed) {
            return;
        }
        replay.disabled = true;
        try {
            const {json: status} = await admin(`/projections/${encodeURIComponent(name)}/replay`, {method: 'POST'});
            replayState = 'starting';
            message.replaceChildren();
            update(status);
            refresh();
        } catch (failure) {
            message.replaceChildren(h('div', {class: 'alert error'}, `Replay not started: ${failure.message}`));
        } finally {
            replay.disabled = false;
        }
    });

    check.addEventListener('click', async () => {
        check.disabled = true;
        drift.replaceChildren(h('p', {class: 'muted small'}, 'Checking against the event store…'));
        try {
            const query = sample.value ? `?sample=${sample.value}` : '';
            const {json: report} = await admin(`/projections/${encodeURIComponent(name)}/drift${query}`);
            drift.replaceChildren(driftReport(report));
        } catch (failure) {
            drift.replaceChildren(h('div', {class: 'alert error'}, `Drift check failed: ${failure.message}`));
        } finally {
            check.disabled = false;
        }
    });

    function update(status) {
        state.replaceChildren(badge(status.state));
        values.position.textContent = `${number(status.position)} / ${number(status.head)}`;
        values.lag.textContent = number(status.lag);
        values.speed.textContent = status.eventsPerSecond == null ? '—' : number(Math.round(status.eventsPerSecond));
        values.eta.textContent = status.etaSeconds == null ? '—' : duration(status.etaSeconds);
        if (status.replaying) {
            replayState = 'running';
        } else if (status.state === 'running'
            && (replayState === 'running' || (replayState === 'starting' && status.lag === 0))) {
            // Right after the request the group may not be running the replay yet: it is over once it was seen
            // running, or once the group has caught up.
            replayState = 'complete';
        }
        const replaying = replayState === 'starting' || replayState === 'running';
        const percent = status.progress * 100;
        progress.replaceChildren(progressLine(replaying ? Math.min(percent, 99) : percent, replaying ? 'replay' : ''));
        if (replayState) {
            element.dataset.replay = replayState;
        }
        if (replayState === 'running') {
            note.textContent = `Replaying: ${number(status.position)} of ${number(status.head)} events` +
                (status.etaSeconds == null ? '' : `, about ${duration(status.etaSeconds)} to go`);
        } else if (replayState === 'starting') {
            note.textContent = 'Replay starting…';
        } else if (replayState === 'complete') {
            note.textContent = `Replay complete: rebuilt up to event ${number(status.position)}, live again.`;
        } else {
            note.textContent = status.lag === 0 ? 'Caught up.' : `${number(status.lag)} events behind.`;
        }
        error.replaceChildren(status.error ? h('div', {class: 'alert error'}, status.error) : '');
        check.hidden = sample.hidden = !status.driftCheck;
    }

    return {element, update};
}

function driftReport(report) {
    const scope = report.scope === 'all' ? 'the whole read model' : `${report.scope} sampled`;
    const movedOn = report.movedOn ? `; ${number(report.movedOn)} left out as events changed them meanwhile` : '';
    if (report.differenceCount === 0) {
        return h('div', {class: 'alert ok', 'data-drift': 'none'},
            `No drift: ${number(report.factsCompared)} facts of ${scope} match the events up to position ` +
            `${number(report.position)}${movedOn}.`);
    }
    return [
        h('div', {class: 'alert error', 'data-drift': 'found'},
            `${number(report.differenceCount)} differences in ${scope} (${number(report.factsCompared)} facts ` +
            `compared up to position ${number(report.position)}${movedOn}). A replay repairs them.`),
        h('div', {class: 'table-wrap'}, h('table', {},
            h('thead', {}, h('tr', {}, h('th', {}, 'Fact'), h('th', {}, 'Expected'), h('th', {}, 'Actual'))),
            h('tbody', {}, report.differences.slice(0, 20).map(difference => h('tr', {},
                h('td', {class: 'mono'}, difference.fact),
                h('td', {}, difference.expected ?? 'absent'),
                h('td', {}, difference.actual ?? 'absent'))))))];
}
