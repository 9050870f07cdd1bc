// Test driver: drains a kiosk outbox to the server with the real SyncService, then exits 0.
// The kill test SIGKILLs it mid-batch and runs it again.
//   sync_drain_driver DB BASE_URL CA_FILE TOKEN_FILE KIOSK_ID BATCH
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "kiosk/core/outbox.h"
#include "kiosk/sync/sync_service.h"
#include "kiosk/sync/token_file.h"

int main(int argc, char** argv) {
    if (argc != 7) {
        std::fprintf(stderr, "usage: %s DB BASE_URL CA_FILE TOKEN_FILE KIOSK_ID BATCH\n", argv[0]);
        return 2;
    }
    try {
        kiosk::sync::SyncOptions o;
        o.api.http.base_url = argv[2];
        o.api.http.ca_file = argv[3];
        o.api.token = kiosk::sync::load_token_file(argv[4]);
        o.api.kiosk_id = argv[5];
        o.batch_size = std::stoi(argv[6]);
        o.max_backoff = std::chrono::milliseconds(300);
        o.catalog_refresh_s = 3600;
        o.heartbeat_s = 3600;
        kiosk::SystemClock clock;
        kiosk::sync::SyncService service(o, argv[1], clock, {});
        service.start();
        kiosk::Outbox outbox(argv[1]);
        while (outbox.depth() > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        service.stop();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sync_drain_driver: %s\n", e.what());
        return 1;
    }
}
