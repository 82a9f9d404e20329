import { describe, expect, it } from '@jest/globals';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { TenantView } from '../../src/api/types.ts';
import { SettingsPage } from '../../src/pages/tenant/settings-page.tsx';
import { lmoError, type FakeAnswer } from '../support/fake-api.ts';
import { renderPage } from '../support/render.tsx';
import { tenantView } from './tenant-view-fixture.ts';

const at = { url: '/tenants/acme/settings', path: '/tenants/:tenant/settings' };

function render(view: TenantView = tenantView(), more: Record<string, FakeAnswer> = {}) {
  return renderPage(<SettingsPage />, {
    ...at,
    api: { 'GET /v1/tenants/acme': { status: 200, body: view }, ...more },
  });
}

const patches = (api: ReturnType<typeof render>['api']) => api.requests.filter((r) => r.method === 'PATCH');

/** Makes React Query refetch now (it refetches on focus), instead of waiting for its 5 s timer. */
async function refocus(): Promise<void> {
  await act(async () => {
    window.dispatchEvent(new Event('visibilitychange'));
    await Promise.resolve();
  });
}

describe('the model settings page', () => {
  it('shows the current settings', async () => {
    render();
    expect(await screen.findByLabelText('Provider')).toHaveValue('echo');
    expect(screen.getByLabelText('Model')).toHaveValue('echo-1');
    expect(screen.getByLabelText('Temperature')).toHaveValue(0.7);
    expect(screen.getByLabelText('Max tokens')).toHaveValue(1024);
    const template = screen.getByRole('group', { name: 'Prompt template 1: summarize' });
    expect(within(template).getByLabelText('Template')).toHaveValue('Summarize: {{text}}');
    expect(within(template).getByLabelText('Argument name')).toHaveValue('text');
    expect(within(template).getByLabelText('Apps must supply it')).toBeChecked();
    expect(screen.getByRole('button', { name: 'No changes to save' })).toBeDisabled();
    expect(screen.getByText('The echo provider needs no key.')).toBeInTheDocument();
  });

  it('checks the settings with the API rules and shows each issue under its field', async () => {
    const { api } = render();
    const user = userEvent.setup();
    await user.clear(await screen.findByLabelText('Temperature'));
    await user.type(screen.getByLabelText('Temperature'), '3');
    await user.selectOptions(screen.getByLabelText('Provider'), 'openai-compatible');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('Temperature')).toHaveAccessibleDescription(
      '0 to 2: lower is more predictable, higher more varied. Must be at most 2.',
    );
    expect(screen.getByLabelText('Temperature')).toBeInvalid();
    await user.clear(screen.getByLabelText('Temperature'));
    await user.type(screen.getByLabelText('Temperature'), '1');
    expect(screen.getByLabelText('Base URL')).toHaveAccessibleDescription(
      /Enter the base URL of your server/,
    );
    expect(screen.getByLabelText('Model')).toHaveAccessibleDescription(
      /echo-1 only works with the echo provider/,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('2 settings need correcting');
    expect(patches(api)).toHaveLength(0);
  });

  it('finds duplicate and badly named prompt templates before saving', async () => {
    const { api } = render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add prompt template' }));
    const added = screen.getByRole('group', { name: 'Prompt template 2' });
    await user.type(within(added).getByLabelText('Name'), 'Summarize');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(within(added).getByLabelText('Name')).toHaveAccessibleDescription(
      /Use lower-case letters, digits and -, starting with a letter/,
    );
    expect(within(added).getByLabelText('Template')).toHaveAccessibleDescription(
      /Must be at least 1 character\./,
    );
    await user.clear(within(added).getByLabelText('Name'));
    await user.type(within(added).getByLabelText('Name'), 'summarize');
    await user.type(within(added).getByLabelText('Template'), 'Again');
    expect(
      within(screen.getByRole('group', { name: 'Prompt template 2: summarize' })).getByLabelText('Name'),
    ).toHaveAccessibleDescription(/Another prompt template already has this name\./);
    expect(patches(api)).toHaveLength(0);
  });

  it('saves only what changed, then says when the runtime has applied it', async () => {
    let view = tenantView();
    const { api } = render(view, {
      'GET /v1/tenants/acme': () => ({ status: 200, body: view }),
      'PATCH /v1/tenants/acme': (request) => {
        const body = request.body as { model: { temperature: number } };
        view = tenantView({
          generation: 4,
          spec: { ...view.spec, model: { ...view.spec.model, ...body.model }, promptTemplates: [] },
        });
        return { status: 200, body: view };
      },
    });
    const user = userEvent.setup();
    await user.clear(await screen.findByLabelText('Temperature'));
    await user.type(screen.getByLabelText('Temperature'), '0.2');
    await user.type(screen.getByLabelText('System prompt (optional)'), 'Be brief.');
    await user.click(screen.getByRole('button', { name: 'Remove Prompt template 1: summarize' }));
    expect(screen.getByText('No prompt templates yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved; waiting for the runtime to apply it…')).toBeInTheDocument();
    expect(patches(api)[0]?.body).toEqual({
      model: { temperature: 0.2, systemPrompt: 'Be brief.' },
      promptTemplates: [],
    });
    expect(patches(api)[0]?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(screen.getByRole('button', { name: 'No changes to save' })).toBeDisabled();

    view = { ...view, status: { ...tenantView().status, observedGeneration: 4 } };
    view.status.conditions = [{ ...view.status.conditions![0]!, observedGeneration: 4 }];
    await refocus();
    expect(await screen.findByText('Applied by the runtime.')).toBeInTheDocument();
  });

  it("clears an emptied optional setting with null and shows the API's field errors under the fields", async () => {
    const { api } = render(
      tenantView({
        spec: { ...tenantView().spec, model: { ...tenantView().spec.model, systemPrompt: 'Old prompt' } },
      }),
      {
        'PATCH /v1/tenants/acme': {
          status: 422,
          body: lmoError('LMO_VALIDATION_FAILED', 'Tenant settings is invalid: /model/maxTokens: too many', {
            issues: [{ path: '/model/maxTokens', message: 'must be <= 4096 for this model' }],
          }),
        },
      },
    );
    const user = userEvent.setup();
    await user.clear(await screen.findByLabelText('System prompt (optional)'));
    await user.clear(screen.getByLabelText('Max tokens'));
    await user.type(screen.getByLabelText('Max tokens'), '8000');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('(LMO_VALIDATION_FAILED)');
    expect(alert).toHaveTextContent('Correct the highlighted fields and submit again.');
    expect(screen.getByLabelText('Max tokens')).toHaveAccessibleDescription(
      /Must be at most 4096 for this model\./,
    );
    expect(patches(api)[0]?.body).toEqual({ model: { maxTokens: 8000, systemPrompt: null } });
  });

  it('shows the settings read-only to members, and why', async () => {
    render(tenantView({ access: 'member' }));
    expect(await screen.findByText('You can look, not change.')).toBeInTheDocument();
    expect(screen.getByText(/Only owners of this tenant can change its model settings/)).toBeInTheDocument();
    expect(screen.getByLabelText('Model')).toBeDisabled();
    expect(screen.getByLabelText('Temperature')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add prompt template' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /save/i })).not.toBeInTheDocument();
  });

  it('says where the provider key comes from when a provider needs one', async () => {
    render(
      tenantView({
        spec: {
          ...tenantView().spec,
          model: { ...tenantView().spec.model, provider: 'openai', model: 'gpt-4o' },
        },
      }),
    );
    expect(await screen.findByText(/No key secret is linked to this tenant/)).toBeInTheDocument();
    expect(screen.getByText(/not entered here, so it never passes through a browser/)).toBeInTheDocument();
  });

  it('tells that earlier changes are still pending', async () => {
    render(tenantView({ generation: 5 }));
    expect(
      await screen.findByText('Recent changes are waiting for the runtime to apply them…'),
    ).toBeInTheDocument();
  });

  it('shows a failed load in words with a retry', async () => {
    render(tenantView(), {
      'GET /v1/tenants/acme': { status: 404, body: lmoError('LMO_NOT_FOUND', 'No tenant acme') },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the model settings');
    expect(alert).toHaveTextContent('No tenant acme (LMO_NOT_FOUND)');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByLabelText('Model')).not.toBeInTheDocument();
    });
  });
});
