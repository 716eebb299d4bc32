import { FieldResolver, Resolver, Root } from 'type-graphql';
import { reachedOutcome } from '../customers/activity.js';
import { Contact } from './relationship.types.js';

/** Derived fields of a contact. */
@Resolver(() => Contact)
export class ContactResolver {
  @FieldResolver(() => Boolean)
  reached(@Root() k: { outcome: string }): boolean {
    return reachedOutcome(k.outcome);
  }
}
