package io.tuneforge.cli.api;

/** No API key from the flag, the environment or the local stack's state folder. */
public class MissingApiKey extends RuntimeException {

    public MissingApiKey(String keyFile) {
        super("no API key: pass --api-key, set TUNEFORGE_API_KEY (`eval \"$(./tuneforge env)\"`), put api_key in the"
                + " config file (~/.config/tuneforge/config.yaml), or start the"
                + " local stack with `./tuneforge up` (it writes " + keyFile + ")");
    }
}
