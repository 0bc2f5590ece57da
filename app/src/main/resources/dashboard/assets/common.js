// What every dashboard page shares: building elements, calling the admin API, formatting, polling.

/** The header that lets the dashboard's cookie authenticate an API call (DashboardCookie.HEADER). */
const DASHBOARD_HEADER = {'X-Vidlog-Dashboard': '1'};

/** Builds an element: h('a', {href: '/x', class: 'link'}, 'text', child). Text is never parsed as HTML. */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'value' || name === 'max') {
            element[name] = value;
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

export class ApiError extends Error {
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}

/** The sign-in page, coming back to this page afterwards. */
export function signInAgain(reason) {
    const next = location.pathname + location.search;
    location.assign('/dashboard/sign-in?' + new URLSearchParams(reason ? {next, reason} : {next}));
}

/**
 * Calls the admin API (/api/v1/admin + path) as the signed-in operator. Answers {json, headers}; a problem answer
 * throws an ApiError with its detail, and a rejected sign-in goes back to the sign-in page.
 */
export async function admin(path, {method = 'GET', body} = {}) {
    return call('/api/v1/admin' + path, {method, body, headers: DASHBOARD_HEADER});
}

/** The dashboard's own endpoints (sign-in, sign-out, session) and the local profile's dev tokens. */
export async function call(url, {method = 'GET', body, headers = {}} = {}) {
    const response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: {Accept: 'application/json', ...DASHBOARD_HEADER, ...headers,
            ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && url.startsWith('/api/v1/admin')) {
        signInAgain('invalid');
        throw new ApiError(401, 'Signed out');
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
        throw new ApiError(response.status, (json && json.detail) || `${response.status} ${response.statusText}`);
    }
    return {json, headers: response.headers};
}

/**
 * Runs task now and again every interval (ms, or a function answering it) while the page is visible, and shows in
 * the footer when the data was last updated or why it could not be. Answers a function that runs it again at once
 * (right after the round under way, if one is).
 */
export function poll(interval, task) {
    let timer;
    let busy = false;
    let again = false;
    const run = async () => {
        clearTimeout(timer);
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        try {
            if (document.visibilityState === 'visible') {
                await task();
                live(null);
            }
        } catch (error) {
            if (!(error instanceof ApiError && error.status === 401)) {
                live(error);
            }
        } finally {
            busy = false;
        }
        if (again) {
            again = false;
            run();
        } else {
            timer = setTimeout(run, typeof interval === 'function' ? interval() : interval);
        }
    };
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && run());
    run();
    return run;
}

function live(error) {
    const footer = document.getElementById('live');
    if (!footer) {
        return;
    }
    footer.className = error ? 'offline' : '';
    footer.textContent = error ? `Could not update: ${error.message} — retrying`
        : `Live · updated ${time(new Date())}`;
}

/** Replaces the children of element only when key changed, so that a poll with the same data leaves clicks alone. */
export function renderInto(element, key, render) {
    if (element.dataset.key !== key) {
        element.dataset.key = key;
        element.replaceChildren(...[render()].flat(Infinity)
            .filter(child => child !== null && child !== undefined && child !== false));
    }
}

/** Changes every 15 s: part of a render key, it redraws ages ("3 min ago") even when the data stays the same. */
export function ageTick() {
    return Math.floor(Date.now() / 15000);
}

/** A modal question; resolves true when confirmed. */
export function confirmDialog(title, text, confirmLabel, danger = false) {
    return new Promise(resolve => {
        const dialog = h('dialog', {'aria-labelledby': 'dialog-title'},
            h('h2', {id: 'dialog-title'}, title),
            h('p', {}, text),
            h('div', {class: 'actions'},
                h('button', {type: 'button', class: danger ? 'danger primary' : 'primary', 'data-confirm': true,
                    onclick: () => close(true)}, confirmLabel),
                h('button', {type: 'button', onclick: () => close(false)}, 'Cancel')));
        const close = answer => {
            dialog.close();
            dialog.remove();
            resolve(answer);
        };
        dialog.addEventListener('cancel', () => close(false));
        document.body.append(dialog);
        dialog.showModal();
    });
}

export function badge(status) {
    const name = String(status).toLowerCase();
    return h('span', {class: `badge ${name}`}, name);
}

export function progressLine(percent, className = '') {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    return h('div', {class: 'progress-line'},
        h('progress', {max: 100, value, class: (value === 100 ? 'done ' : '') + className,
            'aria-label': `${value} %`}),
        h('span', {class: 'pct'}, `${value} %`));
}

export function number(value) {
    return value === null || value === undefined ? '—' : Number(value).toLocaleString('en');
}

/** "12 s ago", "3 min ago", "5 h ago", "2 d ago". */
export function ago(instant) {
    if (!instant) {
        return '—';
    }
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(instant)) / 1000));
    if (seconds < 60) {
        return `${seconds} s ago`;
    }
    if (seconds < 3600) {
        return `${Math.floor(seconds / 60)} min ago`;
    }
    if (seconds < 86400) {
        return `${Math.floor(seconds / 3600)} h ago`;
    }
    return `${Math.floor(seconds / 86400)} d ago`;
}

export function duration(seconds) {
    if (seconds === null || seconds === undefined) {
        return '—';
    }
    if (seconds < 60) {
        return `${seconds} s`;
    }
    const minutes = Math.floor(seconds / 60);
    return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Local time as 14:03:05 (with milliseconds: 14:03:05.123), with the date (2025-05-01) when it is not today. */
export function time(instant, millis = false) {
    if (!instant) {
        return '—';
    }
    const date = new Date(instant);
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
        + (millis ? `.${pad(date.getMilliseconds(), 3)}` : '');
    return date.toDateString() === new Date().toDateString() ? clock
        : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${clock}`;
}

/** A cell that keeps its column's name for the phone layout, where rows become cards. */
export function cell(label, attributes, ...children) {
    return h('td', {'data-label': label, ...attributes}, h('div', {}, ...children));
}
