import type { Executor, Subscriber } from '@immo/platform';
import { userDeleted } from '@immo/auth';
import type { ListingsService } from './service.ts';

/**
 * On `user.deleted`: archive the person's listings (search drops them) and
 * erase the contact details they carry, in the consumer's transaction.
 */
export function eraseOwnerSubscriber(service: ListingsService): Subscriber<typeof userDeleted.schema> {
  return {
    consumer: 'listings.erase-owner',
    event: userDeleted,
    async handle({ userId }, _envelope, trx: Executor) {
      const touched = await service.eraseOwnerIn(trx, userId);
      // The consumer's transaction commits after this returns: invalidate now
      // and once more shortly after, so no read cached between the two survives.
      await service.forget(touched);
      setTimeout(() => void service.forget(touched).catch(() => undefined), 1000).unref();
    },
  };
}
