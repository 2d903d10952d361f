/*
 * The guide's onboarding flow through the C ABI (include/zavu.h), against a real sandbox:
 * ZAVUDEV_BASE_URL and ZAVUDEV_API_KEY come from the environment (tests/with-sandbox.sh).
 * Also: errors with their fields, misuse, cancellation from another thread, the pager, webhook
 * signatures, a forced panic (the library is built with the test-panic feature), and no leak.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "zavu.h"

static int failures = 0;

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);            \
            fprintf(stderr, __VA_ARGS__);                                   \
            fprintf(stderr, "\n");                                          \
            failures++;                                                     \
        }                                                                   \
    } while (0)

/* The string value of "key" in a flat JSON object (enough for these answers); caller frees. */
static char *field(const char *json, const char *key) {
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *at = json ? strstr(json, pattern) : NULL;
    if (!at) return NULL;
    at += strlen(pattern);
    const char *end = strchr(at, '"');
    if (!end) return NULL;
    char *out = malloc((size_t)(end - at) + 1);
    memcpy(out, at, (size_t)(end - at));
    out[end - at] = '\0';
    return out;
}

static int has_field(const char *json, const char *key, const char *value) {
    char *found = field(json, key);
    int ok = found && strcmp(found, value) == 0;
    free(found);
    return ok;
}

struct canceller {
    ZavuCancel *cancel;
    int delay_ms;
};

static void *fire_later(void *arg) {
    struct canceller *c = arg;
    struct timespec pause = {c->delay_ms / 1000, (long)(c->delay_ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
    zavu_cancel_fire(c->cancel);
    return NULL;
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

int main(void) {
    int64_t live_at_start = zavu_debug_live_objects();
    char *out = NULL;

    /* Facts. */
    CHECK(strlen(zavu_version()) > 0, "version");
    char *codes = zavu_known_codes();
    CHECK(codes && strstr(codes, "\"not_found\"") && strstr(codes, "\"cancelled\""), "known codes %s", codes);
    zavu_string_free(codes);
    char *classes = zavu_error_classes();
    CHECK(classes && strstr(classes, "\"NotFoundError\""), "error classes");
    zavu_string_free(classes);
    char *name = zavu_param_name("phoneNumberId", ZAVU_STYLE_GO);
    CHECK(name && strcmp(name, "PhoneNumberID") == 0, "param name %s", name);
    zavu_string_free(name);

    /* A client from the environment, as the guide's `new Zavudev()` does. */
    ZavuClient *client = NULL;
    int32_t status = zavu_client_new(NULL, ZAVU_STYLE_CAMEL, &client, &out);
    CHECK(status == ZAVU_OK && client, "client_new: %s", out ? out : "");
    if (!client) return 1;

    /* 1. Create an invitation. */
    status = zavu_invitations_create(client,
        "{\"clientName\":\"Acme Corp\",\"clientEmail\":\"contact@acme.com\",\"expiresInDays\":7}",
        NULL, NULL, &out);
    CHECK(status == ZAVU_OK, "create: %s", out);
    char *url = field(out, "url"), *token = field(out, "token"), *expires = field(out, "expiresAt");
    char *invitation_id = field(out, "id");
    printf("Invitation URL: %s\nToken: %s\nExpires: %s\n", url, token, expires);
    CHECK(url && token && strstr(url, token), "the URL carries the token");
    CHECK(has_field(out, "status", "pending"), "pending: %s", out);
    free(url), free(token), free(expires);
    zavu_string_free(out);

    /* 2. Purchase a number, then pre-assign it. */
    status = zavu_phone_numbers_purchase(client,
        "{\"phoneNumber\":\"+14155551234\",\"name\":\"Client: Acme Corp\"}", NULL, NULL, &out);
    CHECK(status == ZAVU_OK, "purchase: %s", out);
    char *phone_id = field(out, "id");
    zavu_string_free(out);
    char params[256];
    snprintf(params, sizeof params,
        "{\"clientName\":\"Acme Corp\",\"clientEmail\":\"contact@acme.com\",\"phoneNumberId\":\"%s\",\"expiresInDays\":14}",
        phone_id ? phone_id : "");
    status = zavu_invitations_create(client, params, NULL, NULL, &out);
    CHECK(status == ZAVU_OK && has_field(out, "phoneNumberId", phone_id ? phone_id : "?"), "pre-assigned: %s", out);
    zavu_string_free(out);
    free(phone_id);

    /* 3. List, filtered by status. */
    status = zavu_invitations_list(client, "{\"status\":\"pending\"}", NULL, NULL, &out);
    CHECK(status == ZAVU_OK && strstr(out, "\"items\":[") && strstr(out, "Acme Corp"), "list: %s", out);
    zavu_string_free(out);

    /* 4. Get, then cancel. */
    status = zavu_invitations_get(client, invitation_id, NULL, NULL, &out);
    CHECK(status == ZAVU_OK && has_field(out, "clientName", "Acme Corp"), "get: %s", out);
    printf("Status: pending\nClient: Acme Corp\n");
    zavu_string_free(out);
    status = zavu_invitations_cancel(client, invitation_id, NULL, NULL, &out);
    CHECK(status == ZAVU_OK && has_field(out, "status", "cancelled"), "cancel: %s", out);
    zavu_string_free(out);

    /* 5. Errors carry code, status and param. */
    status = zavu_invitations_create(client,
        "{\"clientName\":\"Acme Corp\",\"phoneNumberId\":\"pn_invalid\"}", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "not_found") && strstr(out, "\"status\":404"),
          "not found: %s", out);
    CHECK(has_field(out, "class", "NotFoundError"), "class: %s", out);
    zavu_string_free(out);
    status = zavu_invitations_create(client, "{\"expiresInDays\":0}", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "invalid_request") &&
          has_field(out, "param", "expiresInDays"), "validation: %s", out);
    zavu_string_free(out);
    status = zavu_invitations_create(client, "{\"expiresInDays\":\"7\"}", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "param", "expiresInDays"), "wrong type: %s", out);
    zavu_string_free(out);
    status = zavu_invitations_create(client, "not json", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "invalid_request"), "not JSON: %s", out);
    zavu_string_free(out);
    status = zavu_invitations_create(client, "{\"clientNmae\":\"Acme\"}", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "param", "clientNmae"), "unknown key: %s", out);
    zavu_string_free(out);
    status = zavu_invitations_list(client, NULL, "{\"timeout\":-1}", NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "param", "timeout"), "bad timeout: %s", out);
    zavu_string_free(out);
    status = zavu_invitations_get(client, "", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "param", "invitationId"), "empty id: %s", out);
    zavu_string_free(out);

    /* Misuse: NULL out cannot be answered; NULL client is an error, not a crash. */
    CHECK(zavu_invitations_get(client, "x", NULL, NULL, NULL) == ZAVU_MISUSE, "NULL out");
    status = zavu_invitations_get(NULL, "x", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "param", "client"), "NULL client: %s", out);
    zavu_string_free(out);

    /* Client options are checked, with the option's name. */
    ZavuClient *bad = NULL;
    status = zavu_client_new("{\"maxRetries\":-1}", ZAVU_STYLE_GO, &bad, &out);
    CHECK(status == ZAVU_ERROR && bad == NULL && has_field(out, "param", "MaxRetries"), "options: %s", out);
    zavu_string_free(out);

    /* 6. Cancellation from another thread ends a call in flight. */
    status = zavu_invitations_create(client, "{\"clientName\":\"Waiting\"}", NULL, NULL, &out);
    char *waiting_id = field(out, "id");
    zavu_string_free(out);
    ZavuCancel *cancel = zavu_cancel_new();
    struct canceller c = {cancel, 200};
    pthread_t thread;
    pthread_create(&thread, NULL, fire_later, &c);
    double started = now_ms();
    status = zavu_invitations_wait_for_completion(client, waiting_id, "{\"timeout\":30000,\"pollInterval\":50}",
                                                  NULL, cancel, &out);
    double elapsed = now_ms() - started;
    pthread_join(thread, NULL);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "cancelled") && has_field(out, "class", "APIUserAbortError"),
          "cancelled: %s", out);
    CHECK(elapsed >= 150 && elapsed < 5000, "cancel took %.0f ms", elapsed);
    zavu_string_free(out);
    /* A fired handle cancels later calls at once. */
    status = zavu_invitations_get(client, waiting_id, NULL, cancel, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "cancelled"), "fired handle: %s", out);
    zavu_string_free(out);
    zavu_cancel_free(cancel);
    free(waiting_id);

    /* 7. Every invitation across pages, one crossing per page. */
    ZavuPager *pager = NULL;
    status = zavu_invitations_list_all(client, "{\"limit\":1}", NULL, &pager, &out);
    CHECK(status == ZAVU_OK && pager, "pager");
    int pages = 0, items = 0;
    for (;;) {
        status = zavu_pager_next(pager, NULL, &out);
        CHECK(status == ZAVU_OK, "pager next: %s", out);
        if (status != ZAVU_OK || strcmp(out, "null") == 0) {
            zavu_string_free(out);
            break;
        }
        pages++;
        for (const char *p = out; (p = strstr(p, "\"token\":")); p++) items++;
        zavu_string_free(out);
    }
    CHECK(pages == 3 && items == 3, "walked %d pages, %d items", pages, items);
    zavu_pager_free(pager);

    /* 8. Webhook signatures. */
    const char *body = "{\"id\":\"evt_1\",\"type\":\"invitation.status_changed\",\"timestamp\":1700000000,"
                       "\"data\":{\"invitationId\":\"inv_1\",\"currentStatus\":\"completed\"}}";
    int64_t ts = 1700000000;
    status = zavu_webhooks_sign((const uint8_t *)body, strlen(body), "whsec_test", &ts, NULL, ZAVU_STYLE_CAMEL, &out);
    CHECK(status == ZAVU_OK && strncmp(out, "\"t=1700000000,", 14) == 0, "sign: %s", out);
    char header[512];
    snprintf(header, sizeof header, "{\"X-Zavu-Signature\":[%s]}", out);
    zavu_string_free(out);
    status = zavu_webhooks_verify((const uint8_t *)body, strlen(body), header, "whsec_test", &ts, ZAVU_STYLE_CAMEL, &out);
    CHECK(status == ZAVU_OK && strcmp(out, "null") == 0, "verify: %s", out);
    zavu_string_free(out);
    status = zavu_webhooks_unwrap((const uint8_t *)body, strlen(body), header, "whsec_test", &ts, ZAVU_STYLE_CAMEL, &out);
    CHECK(status == ZAVU_OK && has_field(out, "id", "evt_1"), "unwrap: %s", out);
    zavu_string_free(out);
    status = zavu_webhooks_verify((const uint8_t *)body, strlen(body), header, "whsec_other", &ts, ZAVU_STYLE_CAMEL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "kind", "webhook_verification") &&
          !strstr(out, "whsec_other"), "wrong secret: %s", out);
    zavu_string_free(out);
    status = zavu_webhooks_verify((const uint8_t *)body, strlen(body), "{}", "whsec_test", &ts, ZAVU_STYLE_CAMEL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "invalid_signature"), "no header: %s", out);
    zavu_string_free(out);

    /* 9. A panic inside core is an error, never an abort. */
    status = zavu_invitations_get(client, "__zavu_test_panic__", NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "internal_panic") && has_field(out, "class", "InternalError"),
          "panic: %s", out);
    zavu_string_free(out);

    /* 10. Closed clients refuse calls; freeing leaves nothing behind. */
    zavu_client_close(client);
    status = zavu_invitations_list(client, NULL, NULL, NULL, &out);
    CHECK(status == ZAVU_ERROR && has_field(out, "code", "client_closed"), "closed: %s", out);
    zavu_string_free(out);
    zavu_client_free(client);
    free(invitation_id);
    CHECK(zavu_debug_live_objects() == live_at_start, "%lld objects leaked",
          (long long)(zavu_debug_live_objects() - live_at_start));

    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("C ABI: all checks passed\n");
    return 0;
}
