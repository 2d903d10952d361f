/*
 * The leak run's C runner: ZAVU_LEAK_CALLS calls through the C ABI cycling through the ops in
 * ZAVU_LEAK_OPS (get, list = one page, error = a not_found get, cancel = a get of the slow id
 * cancelled from another thread while in flight), sampling VmRSS from /proc/self/status. Run by
 * tests/soak/soak.py, which sets the sandbox up and judges the samples; at the end every string
 * and handle must be back (zavu_debug_live_objects() == 0). bindings-c/leak-check.sh also runs it
 * under valgrind.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zavu.h"

static const char *env(const char *name) {
    const char *value = getenv(name);
    if (!value) {
        fprintf(stderr, "leak_loop: %s is not set\n", name);
        exit(2);
    }
    return value;
}

static long rss_kib(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) kib = strtol(line + 6, NULL, 10);
    }
    if (f) fclose(f);
    return kib;
}

/* Fails the run unless the call ended as expected; frees what it returned. */
static void expect(int32_t status, char *out, const char *code, const char *what) {
    int ok;
    if (code == NULL) {
        ok = status == ZAVU_OK;
    } else {
        char pattern[64];
        snprintf(pattern, sizeof pattern, "\"code\":\"%s\"", code);
        ok = status == ZAVU_ERROR && out && strstr(out, pattern);
    }
    if (!ok) {
        fprintf(stderr, "leak_loop: %s: status %d, %s\n", what, status, out ? out : "(null)");
        exit(1);
    }
    zavu_string_free(out);
}

struct canceller {
    ZavuCancel *cancel;
    long after_ms;
};

static void *fire_later(void *arg) {
    struct canceller *c = arg;
    struct timespec pause = {c->after_ms / 1000, (c->after_ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
    zavu_cancel_fire(c->cancel);
    return NULL;
}

int main(void) {
    long calls = strtol(env("ZAVU_LEAK_CALLS"), NULL, 10);
    long samples_wanted = strtol(env("ZAVU_LEAK_SAMPLES"), NULL, 10);
    long cancel_after = strtol(env("ZAVU_LEAK_CANCEL_AFTER_MS"), NULL, 10);
    const char *slow_id = env("ZAVU_LEAK_SLOW_ID");
    char ops[256];
    snprintf(ops, sizeof ops, "%s", env("ZAVU_LEAK_OPS"));
    char *cycle[32];
    int n_ops = 0;
    for (char *save = NULL, *op = strtok_r(ops, ",", &save); op && n_ops < 32; op = strtok_r(NULL, ",", &save))
        cycle[n_ops++] = op;
    if (n_ops == 0) return 2;

    char options[1024];
    snprintf(options, sizeof options, "{\"apiKey\":\"%s\",\"baseUrl\":\"%s\",\"maxRetries\":0}",
             env("ZAVU_SOAK_API_KEY"), env("ZAVU_SOAK_BASE_URL"));
    ZavuClient *client = NULL;
    char *out = NULL;
    int32_t status = zavu_client_new(options, ZAVU_STYLE_CAMEL, &client, &out);
    if (status != ZAVU_OK) expect(status, out, NULL, "client");
    status = zavu_invitations_create(client, "{\"clientName\":\"leak-c\"}", NULL, NULL, &out);
    const char *at = status == ZAVU_OK && out ? strstr(out, "\"id\":\"") : NULL;
    if (!at) expect(status, out, NULL, "create");
    char id[128] = {0};
    snprintf(id, sizeof id, "%.*s", (int)strcspn(at + 6, "\""), at + 6);
    zavu_string_free(out);

    long every = calls / samples_wanted > 0 ? calls / samples_wanted : 1;
    long (*samples)[2] = calloc((size_t)(calls / every + 1), sizeof *samples);
    long n_samples = 0, counts[4] = {0};
    for (long i = 0; i < calls; i++) {
        const char *op = cycle[i % n_ops];
        out = NULL;
        if (strcmp(op, "get") == 0) {
            counts[0]++;
            status = zavu_invitations_get(client, id, NULL, NULL, &out);
            expect(status, out, NULL, "get");
        } else if (strcmp(op, "list") == 0) {
            counts[1]++;
            status = zavu_invitations_list(client, "{\"limit\":20}", NULL, NULL, &out);
            expect(status, out, NULL, "list");
        } else if (strcmp(op, "error") == 0) {
            counts[2]++;
            status = zavu_invitations_get(client, "inv_missing", NULL, NULL, &out);
            expect(status, out, "not_found", "error");
        } else {
            counts[3]++;
            ZavuCancel *cancel = zavu_cancel_new();
            struct canceller c = {cancel, cancel_after};
            pthread_t thread;
            pthread_create(&thread, NULL, fire_later, &c);
            status = zavu_invitations_get(client, slow_id, NULL, cancel, &out);
            pthread_join(thread, NULL);
            zavu_cancel_free(cancel);
            expect(status, out, "cancelled", "cancel");
        }
        if ((i + 1) % every == 0) {
            samples[n_samples][0] = i + 1;
            samples[n_samples][1] = rss_kib();
            n_samples++;
        }
    }
    zavu_client_free(client);
    int64_t live = zavu_debug_live_objects();
    if (live != 0) {
        fprintf(stderr, "leak_loop: %lld strings or handles were never freed\n", (long long)live);
        return 1;
    }

    FILE *record = fopen(env("ZAVU_SOAK_RECORD"), "w");
    if (!record) return 1;
    fprintf(record, "{\"calls\":%ld,\"samples\":[", calls);
    for (long s = 0; s < n_samples; s++)
        fprintf(record, "%s[%ld,%ld]", s ? "," : "", samples[s][0], samples[s][1]);
    fprintf(record, "],\"extra\":{\"ops\":{\"get\":%ld,\"list\":%ld,\"error\":%ld,\"cancel\":%ld}}}\n",
            counts[0], counts[1], counts[2], counts[3]);
    fclose(record);
    free(samples);
    return 0;
}
