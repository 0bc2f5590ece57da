// The dashboard's views: the server serves the same page for every view path, this picks the view.
import {call, signInAgain} from './common.js';
import overview from './views/overview.js';
import sagas from './views/sagas.js';
import saga from './views/saga.js';
import projections from './views/projections.js';
import events from './views/events.js';

const VIEWS = [
    [/^\/dashboard\/?$/, overview, null],
    [/^\/dashboard\/sagas$/, sagas, 'sagas'],
    [/^\/dashboard\/sagas\/([^/]+)$/, saga, 'sagas'],
    [/^\/dashboard\/projections$/, projections, 'projections'],
    [/^\/dashboard\/events$/, events, 'events'],
];

async function showWhoIsSignedIn() {
    const {json: session} = await call('/dashboard/session');
    document.getElementById('who').textContent = session.signedIn
        ? `${session.userId} · ${session.roles.join(', ')}` : 'signed in by header';
    document.getElementById('sign-out').hidden = !session.signedIn;
}

document.getElementById('sign-out').addEventListener('click', async () => {
    await call('/dashboard/sign-out', {method: 'POST'});
    signInAgain();
});

function route() {
    for (const [path, render, section] of VIEWS) {
        const match = path.exec(location.pathname);
        if (match) {
            return {render, section, params: match.slice(1).map(decodeURIComponent)};
        }
    }
    return {render: overview, section: null, params: []};
}

const {render, section, params} = route();
document.querySelectorAll('[data-nav]').forEach(link => {
    if (link.dataset.nav === section) {
        link.setAttribute('aria-current', 'page');
    }
});
showWhoIsSignedIn();
render(document.getElementById('view'), ...params);
