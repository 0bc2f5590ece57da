// The 403 page: says who is signed in and lets them sign in with another token.
import {call} from './common.js';

const {json: session} = await call('/dashboard/session');
if (session.signedIn) {
    document.getElementById('who').textContent =
        `You are signed in as ${session.userId} with the roles ${session.roles.join(', ') || '(none)'}.`;
    const button = document.getElementById('switch');
    button.hidden = false;
    button.addEventListener('click', async () => {
        await call('/dashboard/sign-out', {method: 'POST'});
        location.assign('/dashboard/sign-in?' + new URLSearchParams({next: location.pathname}));
    });
}
