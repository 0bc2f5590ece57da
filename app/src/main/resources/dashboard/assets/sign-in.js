// The sign-in page: a pasted bearer token (or, in the local profile, a development ADMIN token) becomes the
// dashboard's cookie, then the page asked for opens.
import {call} from './common.js';

const query = new URLSearchParams(location.search);
const errorBox = document.getElementById('error');

/** Only a dashboard page of this server: the parameter must not send the operator elsewhere. */
function next() {
    const asked = query.get('next') || '';
    return /^\/dashboard(\/|$|\?)/.test(asked) && !asked.startsWith('//') ? asked : '/dashboard';
}

async function signIn(token) {
    errorBox.hidden = true;
    try {
        await call('/dashboard/sign-in', {method: 'POST', body: {token}});
        location.assign(next());
    } catch (error) {
        errorBox.textContent = error.message;
        errorBox.hidden = false;
    }
}

document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    signIn(document.getElementById('token').value);
});

document.getElementById('dev-sign-in').addEventListener('click', async () => {
    const {json} = await call('/api/v1/dev/tokens', {method: 'POST',
        body: {userId: 'dashboard-admin', roles: ['USER', 'ADMIN']}});
    signIn(json.token);
});

document.getElementById('reason').hidden = query.get('reason') !== 'invalid';
const {json: session} = await call('/dashboard/session');
document.getElementById('dev').hidden = !session.devTokens;
if (session.signedIn) {
    const current = document.getElementById('current');
    current.textContent = `Signed in as ${session.userId} (${session.roles.join(', ')}). `;
    current.append(Object.assign(document.createElement('a'), {href: next(), textContent: 'Continue'}));
    current.hidden = false;
}
