package dev.regionguard.simulator;

/** The IBM APIs the simulator serves; they differ only in where their error bodies point for help. */
enum IbmService {
    EVENT_NOTIFICATIONS("https://cloud.ibm.com/apidocs/event-notifications", "#event-notifications-api-authentication"),
    CODE_ENGINE("https://cloud.ibm.com/apidocs/codeengine/v2", "#authentication"),
    /** Internet Services; its API answers with its own envelope, so this serves the edge's errors. */
    CIS("https://cloud.ibm.com/apidocs/cis", "");

    private final String docs;
    private final String authAnchor;

    IbmService(String docs, String authAnchor) {
        this.docs = docs;
        this.authAnchor = authAnchor;
    }

    /** The {@code more_info} of an error body: the API docs, their authentication part for 401 and 403. */
    String moreInfo(int status) {
        return status == 401 || status == 403 ? docs + authAnchor : docs;
    }
}
