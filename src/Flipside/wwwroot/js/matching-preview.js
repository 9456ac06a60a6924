// Live preview on the matching board: as a weight, the preset or the objective changes, ask the API what a run
// would give and say it in the status line. Without this script the "Preview these weights" button does the same.
(function () {
    const form = document.getElementById('tune');
    const out = document.getElementById('preview');
    // A ranked choice board has no preview (its form carries no data-preview): the rankings decide the pairs.
    if (!form || !out || !form.dataset.preview) return;
    const preset = document.getElementById('preset');
    const field = name => form.querySelector(`[name="Weights.${name}"]`);
    const names = ['Complementarity', 'SharedInterests', 'StyleFit', 'AvailabilityOverlap', 'SharedLanguage', 'CrossDepartment'];
    let timer = null;
    let asked = 0;

    const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

    function say(text, kind) {
        out.replaceChildren();
        const p = document.createElement('p');
        p.className = `alert alert-${kind} mb-0`;
        p.textContent = text;
        out.appendChild(p);
    }

    async function preview() {
        const body = { objective: form.querySelector('[name="Objective"]:checked')?.value ?? 'pairs' };
        for (const name of names) {
            const value = field(name).value.trim();
            if (value !== '') body[name[0].toLowerCase() + name.slice(1)] = Number(value);
        }
        const mine = ++asked;
        say('Working out what these weights would give…', 'secondary');
        const response = await fetch(form.dataset.preview, {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
            body: JSON.stringify(body),
        });
        if (mine !== asked) return; // a later change has already asked again
        const result = await response.json().catch(() => ({}));
        if (!response.ok) {
            const errors = result.errors ? Object.values(result.errors).flat() : [];
            say(errors[0] ?? result.detail ?? result.title ?? 'The preview failed. Try the Preview button.', 'warning');
            return;
        }
        say(`With these weights: ${plural(result.pairs, 'pair', 'pairs')}, total score ${result.total} (now ${result.currentTotal}), ` +
            `${plural(result.unmatched, 'person', 'people')} unmatched; ${plural(result.added, 'pair', 'pairs')} would change ` +
            `(${result.dropped} of today's proposals would go). Nothing is saved until you run.`, 'info');
    }

    function changed() {
        clearTimeout(timer);
        timer = setTimeout(() => preview().catch(() => say('The preview failed. Try the Preview button.', 'warning')), 300);
    }

    preset?.addEventListener('change', () => {
        const weights = preset.selectedOptions[0]?.dataset.weights;
        if (weights) {
            const w = JSON.parse(weights);
            for (const name of names) field(name).value = w[name[0].toLowerCase() + name.slice(1)];
        }
        changed();
    });
    form.addEventListener('input', event => { if (event.target !== preset) changed(); });
})();
