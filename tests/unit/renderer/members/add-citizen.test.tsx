// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AddCitizenDialog, citizenArgs } from '../../../../renderer/pages/members/AddCitizenDialog.js';
import { renderWithApp } from '../render.js';
import { GROUPS, installFakeApi } from './fake-api.js';

afterEach(cleanup);

function setup(extra: Parameters<typeof installFakeApi>[0] = {}) {
  return installFakeApi({
    'groups.list': () => GROUPS,
    'members.addCitizen': (a) => ({ membershipId: 77, personId: 5, nameConflict: null, ruleBroken: null, echo: a }),
    ...extra,
  });
}

describe('AddCitizenDialog', () => {
  it('shows what is missing beside each field and sends nothing', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderWithApp(<AddCitizenDialog onClose={() => {}} />);
    await screen.findByRole('option', { name: /Kotwali Police Public/ });

    await user.click(screen.getByRole('button', { name: 'Add to group' }));

    const group = screen.getByLabelText(/^Group/);
    const name = screen.getByLabelText(/^Name/);
    const phone = screen.getByLabelText(/^Mobile number/);
    for (const el of [group, name, phone]) expect(el.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Required.')).toHaveLength(3);
    await waitFor(() => expect(document.activeElement).toBe(group));
    expect(fake.callsTo('members.addCitizen')).toHaveLength(0);
  });

  it('offers only active groups, police–public ones first', async () => {
    setup();
    renderWithApp(<AddCitizenDialog onClose={() => {}} />);
    await screen.findByRole('option', { name: /Kotwali Police Public/ });
    const options = within(screen.getByLabelText(/^Group/))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual([
      '— choose a group —',
      'Kotwali Police Public (PAT-KOTWALI-1)',
      'Patna Police Lines Staff (PAT-DPC-STAFF)',
    ]);
  });

  it('rejects impossible and future dates, and consent after joining', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderWithApp(<AddCitizenDialog onClose={() => {}} groupCode="PAT-KOTWALI-1" />);
    await screen.findByRole('option', { name: /Kotwali Police Public/ });
    await user.type(screen.getByLabelText(/^Name/), 'Ram Kumar');
    await user.type(screen.getByLabelText(/^Mobile number/), '9835012345');
    await user.type(screen.getByLabelText(/^Joined on/), '31-02-2024');
    await user.type(screen.getByLabelText(/^Consent given on/), '01-01-2099');
    await user.click(screen.getByRole('button', { name: 'Add to group' }));
    expect(screen.getByText('Not a valid date; type dd-mm-yyyy.')).toBeTruthy();
    expect(screen.getByText('This date is in the future.')).toBeTruthy();

    await user.clear(screen.getByLabelText(/^Joined on/));
    await user.type(screen.getByLabelText(/^Joined on/), '01-03-2024');
    await user.clear(screen.getByLabelText(/^Consent given on/));
    await user.type(screen.getByLabelText(/^Consent given on/), '05-03-2024');
    await user.click(screen.getByRole('button', { name: 'Add to group' }));
    expect(screen.getByText('Consent should be on or before the joining date.')).toBeTruthy();
    expect(fake.callsTo('members.addCitizen')).toHaveLength(0);
  });

  it('sends trimmed text, blanks as null and dates as yyyy-mm-dd, then closes', async () => {
    const user = userEvent.setup();
    const fake = setup();
    let closed = false;
    renderWithApp(<AddCitizenDialog onClose={() => (closed = true)} />);
    await screen.findByRole('option', { name: /Kotwali Police Public/ });

    await user.selectOptions(screen.getByLabelText(/^Group/), 'PAT-KOTWALI-1');
    await user.type(screen.getByLabelText(/^Name/), '  Ram   Kumar  Singh ');
    await user.type(screen.getByLabelText(/^Mobile number/), ' 98350 12345 ');
    await user.selectOptions(screen.getByLabelText(/^Category/), 'eminent');
    await user.type(screen.getByLabelText(/^Locality/), '  Kankarbagh   Colony ');
    await user.type(screen.getByLabelText(/^Joined on/), '05-03-2024');
    await user.type(screen.getByLabelText(/^Consent given on/), '1/3/2024');
    await user.type(screen.getByLabelText(/^How consent was given/), 'signed form');
    await user.click(screen.getByRole('button', { name: 'Add to group' }));

    await waitFor(() => expect(fake.callsTo('members.addCitizen')).toHaveLength(1));
    expect(fake.callsTo('members.addCitizen')[0]).toEqual({
      groupCode: 'PAT-KOTWALI-1',
      name: 'Ram Kumar Singh',
      phone: '98350 12345',
      category: 'eminent',
      locality: 'Kankarbagh Colony',
      occupation: null,
      joinedOn: '2024-03-05',
      consentOn: '2024-03-01',
      consentHow: 'signed form',
    });
    await waitFor(() => expect(closed).toBe(true));
    expect(await screen.findByText('Ram Kumar Singh added to Kotwali Police Public.')).toBeTruthy();
  });

  it('puts the backend’s phone verdict beside the mobile field', async () => {
    const user = userEvent.setup();
    setup({
      'members.addCitizen': () => {
        throw {
          code: 'BAD_INPUT',
          message: 'phone: the mobile number is a landline number; WhatsApp needs a mobile number',
          details: {
            issues: [
              {
                path: ['phone'],
                message: 'the mobile number is a landline number; WhatsApp needs a mobile number',
                params: { reason: 'PHONE_NOT_MOBILE' },
              },
            ],
          },
        };
      },
    });
    renderWithApp(<AddCitizenDialog onClose={() => {}} groupCode="PAT-KOTWALI-1" />);
    await screen.findByRole('option', { name: /Kotwali Police Public/ });
    await user.type(screen.getByLabelText(/^Name/), 'Ram');
    const phone = screen.getByLabelText(/^Mobile number/);
    await user.type(phone, '0612 2234567');
    await user.click(screen.getByRole('button', { name: 'Add to group' }));

    expect(await screen.findByText('This is not a mobile number (WhatsApp needs a mobile).')).toBeTruthy();
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')).toBeTruthy();
    // Typing again clears the verdict until the next try.
    await user.type(phone, '9');
    expect(screen.queryByText('This is not a mobile number (WhatsApp needs a mobile).')).toBeNull();
  });

  it('shows the phone verdict in Hindi when the screen is in Hindi', async () => {
    const user = userEvent.setup();
    setup({
      'members.addCitizen': () => {
        throw {
          code: 'BAD_INPUT',
          message: 'phone: the mobile number is not a valid Indian mobile number',
          details: {
            issues: [
              {
                path: ['phone'],
                message: 'the mobile number is not a valid Indian mobile number',
                params: { reason: 'BAD_PHONE' },
              },
            ],
          },
        };
      },
    });
    renderWithApp(<AddCitizenDialog onClose={() => {}} groupCode="PAT-KOTWALI-1" />, { lang: 'hi' });
    await screen.findByRole('option', { name: /Kotwali Police Public/ });
    await user.type(screen.getByLabelText(/^नाम/), 'राम कुमार');
    await user.type(screen.getByLabelText(/^मोबाइल नंबर/), '12345');
    await user.click(screen.getByRole('button', { name: 'समूह में जोड़ें' }));
    expect(await screen.findByText('यह मान्य भारतीय मोबाइल नंबर नहीं है।')).toBeTruthy();
  });

  it('reports a name conflict the backend resolved by keeping the registered name', async () => {
    const user = userEvent.setup();
    setup({
      'members.addCitizen': () => ({
        membershipId: 9,
        personId: 3,
        nameConflict: { registered: 'Ramesh Prasad', given: 'R. Prasad' },
        ruleBroken: null,
      }),
    });
    renderWithApp(<AddCitizenDialog onClose={() => {}} groupCode="PAT-KOTWALI-1" />);
    await screen.findByRole('option', { name: /Kotwali Police Public/ });
    await user.type(screen.getByLabelText(/^Name/), 'R. Prasad');
    await user.type(screen.getByLabelText(/^Mobile number/), '9835012345');
    await user.click(screen.getByRole('button', { name: 'Add to group' }));
    expect(await screen.findByText(/already registered as “Ramesh Prasad”/)).toBeTruthy();
  });
});

describe('citizenArgs', () => {
  it('keeps an empty joining date empty (the backend records today)', () => {
    expect(
      citizenArgs({
        groupCode: 'G',
        name: ' A ',
        phone: '9835012345',
        category: 'public',
        locality: '',
        occupation: ' ',
        joinedOn: '',
        consentOn: '',
        consentHow: '',
      }),
    ).toEqual({
      groupCode: 'G',
      name: 'A',
      phone: '9835012345',
      category: 'public',
      locality: null,
      occupation: null,
      joinedOn: null,
      consentOn: null,
      consentHow: null,
    });
  });
});
