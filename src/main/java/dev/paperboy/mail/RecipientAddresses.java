package dev.paperboy.mail;

import java.util.Collection;
import java.util.Map;

/**
 * What mail asks the subscriber capability, which owns the addresses: mail's own tables hold subscriber ids only,
 * and its SQL never reads another capability's tables.
 */
public interface RecipientAddresses {

    /** @return the current address of each of these subscribers that still exists, by id */
    Map<Long, String> addressesOf(Collection<Long> subscriberIds);
}
