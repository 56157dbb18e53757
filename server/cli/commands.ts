import type { FlowDeps } from '../composition';
import { COMMAND_LINE } from '../flows/admin/admin-actor';
import { inviteEmail, inviteOperator } from '../flows/admin/invites';
import { removeOperator } from '../flows/admin/operator-removal';
import { rotateSiteSecret } from '../flows/admin/site-secret';
import { createSite, findSite, listSites, setAllowedOrigins } from '../flows/admin/sites';
import { eraseVisitorData, exportVisitorData } from '../flows/admin/visitor-data';
import type { CliCommand } from './parse';

/** What a command prints: the adapter's whole output, so the flows stay free of text for a terminal. */
export async function runCommand(deps: FlowDeps, command: CliCommand, baseUrl: string): Promise<string> {
  switch (command.kind) {
    case 'site_create': {
      // Checked before anything is written: a typo in the admin's email must not leave a site behind.
      inviteEmail(command.admin);
      const site = await createSite(deps, { name: command.name, origins: command.origins });
      const invite = await inviteOperator(deps, COMMAND_LINE, site._id, { email: command.admin, role: 'admin', baseUrl });
      return [
        `Site "${site.name}" created.`,
        `  site id:          ${site._id}`,
        `  site key:         ${site.siteKey}`,
        `  allowed origins:  ${site.config.allowedOrigins.join(', ')}`,
        '',
        `Embed snippet (paste it before </body> on ${site.config.allowedOrigins.join(' or ')}):`,
        `  <script src="${baseUrl}/widget.js" data-site="${site.siteKey}" async></script>`,
        '',
        `Admin invite for ${invite.email} (works once, until ${invite.expiresAt.toISOString()}):`,
        `  ${invite.inviteUrl}`,
        ...(invite.emailed ? ['  (also sent by email)'] : []),
        '',
        'Secrets (also shown to admins under Settings; rotate with `baton secret rotate`):',
        `  identity secret (identify() userHash = HMAC-SHA256(secret, user id)):  ${site.secret}`,
        `  webhook signing secret (Standard Webhooks):                             ${site.webhookSecret}`,
      ].join('\n');
    }
    case 'site_list': {
      const sites = await listSites(deps);
      if (sites.length === 0)
        return 'No sites yet: `baton site create --name "Acme" --origin https://acme.example --admin ana@acme.example`.';
      return sites.map((s) => `${s.siteKey}\t${s.name}\t${s.siteId}\t${s.allowedOrigins.join(',') || '(no allowed origins)'}`).join('\n');
    }
    case 'site_origins': {
      const site = await findSite(deps, command.site);
      const origins = await setAllowedOrigins(deps, COMMAND_LINE, site._id, command.origins);
      return `Allowed origins of ${site.name}: ${origins.join(', ')}`;
    }
    case 'operator_invite': {
      const site = await findSite(deps, command.site);
      const invite = await inviteOperator(deps, COMMAND_LINE, site._id, {
        email: command.email,
        role: command.admin ? 'admin' : 'operator',
        baseUrl,
      });
      return [
        `Invite for ${invite.email} as ${invite.role} of ${site.name} (works once, until ${invite.expiresAt.toISOString()}):`,
        `  ${invite.inviteUrl}`,
        ...(invite.emailed ? ['  (also sent by email)'] : []),
      ].join('\n');
    }
    case 'operator_remove': {
      const site = await findSite(deps, command.site);
      await removeOperator(deps, COMMAND_LINE, site._id, { email: command.email });
      return `${command.email} removed from ${site.name}: signed out everywhere; their conversations went back to the queue.`;
    }
    case 'secret_rotate': {
      const site = await findSite(deps, command.site);
      const secret = await rotateSiteSecret(deps, COMMAND_LINE, site._id, command.secret);
      const what =
        command.secret === 'identity'
          ? 'identity secret (update BATON_SITE_SECRET on your server)'
          : 'webhook signing secret (update your receivers)';
      return `New ${what} of ${site.name}:\n  ${secret}`;
    }
    case 'visitor_export': {
      const site = await findSite(deps, command.site);
      return JSON.stringify(await exportVisitorData(deps, COMMAND_LINE, site._id, command.visitor), null, 2);
    }
    case 'visitor_erase': {
      const site = await findSite(deps, command.site);
      const erased = await eraseVisitorData(deps, COMMAND_LINE, site._id, command.visitor);
      if (erased.alreadyErased) return `Visitor ${erased.visitorId} of ${site.name} was already erased; nothing more to remove.`;
      return [
        `Visitor ${erased.visitorId} of ${site.name} erased at ${erased.erasedAt}:`,
        `  ${erased.conversations} conversation(s) emptied, ${erased.messages} message(s), ${erased.callbacks} callback(s) and ${erased.webhookDeliveries} webhook delivery(ies) removed,`,
        `  ${erased.auditEntries} audit entry(ies) kept with the person replaced by a tombstone.`,
      ].join('\n');
    }
  }
}
