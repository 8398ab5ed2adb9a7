import { createHash, randomBytes } from 'node:crypto';
import { validateVatNumber } from '@immo/i18n';
import { conflict, forbidden, hasRole, newId, notFound, requireUser, unprocessable, type ModuleContext, type Principal } from '@immo/platform';
import type { AuthApi } from '@immo/auth';
import type { AgencyRow, UsersStore } from './store.ts';
import type { AgencyRole } from './contract.ts';
import { agencyMemberJoined, agencyMemberLeft } from './events.ts';
import { sniffImage } from './images.ts';
import { invitationMail } from './mail-messages.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

interface AgencyInput {
  legalName: string;
  vatNumber: string;
  ipiNumber: string;
  address: { street: string; postalCode: string; city: string };
}

/**
 * Agencies and their members. Owners manage the agency and its members;
 * agents act on the agency's resources. A non-member gets 404 for anything
 * but the public agency card.
 */
export class AgencyService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly store: UsersStore,
    private readonly auth: AuthApi,
    private readonly publicUrl: string,
  ) {}

  /** Founds an agency; the founder becomes its owner (and an agency professional, who must then use MFA). */
  async create(principal: Principal | undefined, input: AgencyInput) {
    const p = requireUser(principal);
    const account = await this.auth.getAccount(p.userId);
    if (!account?.emailVerified) throw forbidden('Verify your e-mail address before founding an agency.', { code: 'agency.email_unverified' });
    const vat = this.#vat(input.vatNumber);
    const now = this.ctx.clock.now();
    const row: AgencyRow = {
      id: newId(),
      legal_name: input.legalName,
      vat_number: vat,
      ipi_number: input.ipiNumber.replace('.', ''),
      street: input.address.street,
      postal_code: input.address.postalCode,
      city: input.address.city,
      logo_key: null,
      created_at: now,
      updated_at: now,
    };
    const created = await this.store.transaction(async (trx) => {
      const agency = await this.store.insertAgency(trx, row);
      if (!agency) return undefined;
      await this.store.addMember(trx, { agency_id: agency.id, user_id: p.userId, role: 'owner', joined_at: now });
      await this.ctx.events.publish(trx, agencyMemberJoined, { agencyId: agency.id, userId: p.userId, role: 'owner' });
      await this.ctx.audit.record(trx, { actorId: p.userId, action: 'agency.created', subjectType: 'agency', subjectId: agency.id });
      return agency;
    });
    if (!created) throw conflict('An agency with this VAT number already exists. Ask its owner to invite you.', { code: 'agency.vat_taken' });
    await this.auth.becomeProfessional(p.userId);
    return this.view(created);
  }

  async get(agencyId: string) {
    const agency = await this.store.agency(agencyId);
    if (!agency) throw notFound('The agency');
    return this.view(agency);
  }

  async update(principal: Principal | undefined, agencyId: string, patch: Partial<AgencyInput>) {
    await this.#requireOwner(principal, agencyId);
    const updated = await this.store.updateAgency(agencyId, {
      ...(patch.legalName ? { legal_name: patch.legalName } : {}),
      ...(patch.vatNumber ? { vat_number: this.#vat(patch.vatNumber) } : {}),
      ...(patch.ipiNumber ? { ipi_number: patch.ipiNumber.replace('.', '') } : {}),
      ...(patch.address ? { street: patch.address.street, postal_code: patch.address.postalCode, city: patch.address.city } : {}),
      updated_at: this.ctx.clock.now(),
    }).catch((error: { code?: string }) => {
      if (error.code === '23505') throw conflict('Another agency already has this VAT number.', { code: 'agency.vat_taken' });
      throw error;
    });
    return this.view(updated!);
  }

  async setLogo(principal: Principal | undefined, agencyId: string, body: Buffer) {
    await this.#requireOwner(principal, agencyId);
    const image = sniffImage(body);
    if (!image) throw unprocessable('The logo must be a JPEG, PNG or WebP image.', undefined, { code: 'image.unsupported' });
    const key = `agencies/${agencyId}/logo-${newId()}.${image.ext}`;
    await this.ctx.storage.put(key, body, { contentType: image.contentType, cacheControl: 'public, max-age=86400' });
    const previous = await this.store.agency(agencyId);
    const updated = await this.store.updateAgency(agencyId, { logo_key: key, updated_at: this.ctx.clock.now() });
    if (previous?.logo_key) await this.ctx.storage.delete(previous.logo_key);
    return this.view(updated!);
  }

  async members(principal: Principal | undefined, agencyId: string) {
    await this.#requireMember(principal, agencyId, { staff: true });
    const members = await this.store.members(agencyId);
    return Promise.all(
      members.map(async (m) => ({
        userId: m.user_id,
        role: m.role,
        displayName: (await this.auth.getAccount(m.user_id))?.displayName ?? null,
        joinedAt: m.joined_at.toISOString(),
      })),
    );
  }

  /** Owners invite by e-mail; the link is single use and valid 7 days. */
  async invite(principal: Principal | undefined, agencyId: string, input: { email: string; role: AgencyRole }) {
    const p = await this.#requireOwner(principal, agencyId);
    const agency = (await this.store.agency(agencyId))!;
    const token = randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    const id = newId();
    await this.store.addInvitation({
      id,
      agency_id: agencyId,
      email: input.email,
      role: input.role,
      token_hash: hashToken(token),
      invited_by: p.userId,
      created_at: now,
      expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
      accepted_at: null,
      accepted_by: null,
    });
    const inviter = await this.auth.getAccount(p.userId);
    const mail = invitationMail(inviter?.locale ?? 'fr', agency.legal_name, `${this.publicUrl}/accept-invitation?token=${token}`);
    await this.ctx.mail.send({ to: input.email, ...mail });
    return { id, email: input.email, role: input.role, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString() };
  }

  /** Joins the agency. Only the verified owner of the invited address may accept; anyone else sees 404. */
  async accept(principal: Principal | undefined, token: string) {
    const p = requireUser(principal);
    const account = await this.auth.getAccount(p.userId);
    const hash = hashToken(token);
    const invitation = await this.store.invitationByToken(hash);
    if (!invitation || !account || !account.emailVerified || invitation.email !== account.email.toLowerCase()) throw notFound('The invitation');
    const now = this.ctx.clock.now();
    const joined = await this.store.transaction(async (trx) => {
      const accepted = await this.store.acceptInvitation(trx, hash, p.userId, now);
      if (!accepted) return undefined;
      await this.store.addMember(trx, { agency_id: accepted.agency_id, user_id: p.userId, role: accepted.role, joined_at: now });
      await this.ctx.events.publish(trx, agencyMemberJoined, { agencyId: accepted.agency_id, userId: p.userId, role: accepted.role });
      await this.ctx.audit.record(trx, { actorId: p.userId, action: 'agency.member_joined', subjectType: 'agency', subjectId: accepted.agency_id, detail: { role: accepted.role } });
      return accepted;
    });
    if (!joined) throw notFound('The invitation');
    await this.auth.becomeProfessional(p.userId);
    return { agencyId: joined.agency_id, role: joined.role };
  }

  /** An owner removes a member, or a member leaves; the last owner cannot leave. */
  async removeMember(principal: Principal | undefined, agencyId: string, userId: string) {
    const p = await this.#requireMember(principal, agencyId);
    const own = p.membership?.role === 'owner';
    if (!own && userId !== p.principal.userId) throw forbidden('Only an owner removes other members.', { code: 'agency.owner_only' });
    await this.store.transaction(async (trx) => {
      const target = await this.store.membership(agencyId, userId, trx);
      if (!target) throw notFound('The member');
      if (target.role === 'owner' && (await this.store.countOwners(trx, agencyId)) <= 1) {
        throw conflict('The last owner cannot leave: make another member owner first.', { code: 'agency.last_owner' });
      }
      await this.store.removeMember(trx, agencyId, userId);
      await this.ctx.events.publish(trx, agencyMemberLeft, { agencyId, userId });
      await this.ctx.audit.record(trx, { actorId: p.principal.userId, action: 'agency.member_removed', subjectType: 'agency', subjectId: agencyId, detail: { userId } });
    });
  }

  view(a: AgencyRow) {
    return {
      id: a.id,
      legalName: a.legal_name,
      vatNumber: a.vat_number,
      ipiNumber: a.ipi_number,
      address: { street: a.street, postalCode: a.postal_code, city: a.city },
      logoUrl: a.logo_key ? `/v1/agencies/${a.id}/logo` : null,
    };
  }

  #vat(input: string) {
    const vat = validateVatNumber(input);
    if (!vat.valid) throw unprocessable(vat.reason, [{ path: 'vatNumber', message: vat.reason, code: 'vat.invalid' }], { code: 'vat.invalid' });
    return vat.value;
  }

  async #requireMember(principal: Principal | undefined, agencyId: string, options: { staff?: boolean } = {}) {
    const p = requireUser(principal);
    const membership = await this.store.membership(agencyId, p.userId);
    if (!membership && !(options.staff && hasRole(p, 'admin'))) throw notFound('The agency');
    return { principal: p, membership };
  }

  async #requireOwner(principal: Principal | undefined, agencyId: string) {
    const { principal: p, membership } = await this.#requireMember(principal, agencyId);
    if (membership?.role !== 'owner') throw forbidden('Only an owner of the agency may do this.', { code: 'agency.owner_only' });
    return p;
  }
}
