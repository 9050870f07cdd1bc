#pragma once
// The API's behaviour, independent of HTTP plumbing (so it is testable without sockets): each
// call takes what the request carried and returns status, headers and a JSON body as
// docs/sync-api.md specifies.
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "dossier_db.h"
#include "kiosk/core/clock.h"

namespace dossier {

struct ApiReply {
    int status = 200;
    std::string body;  // JSON ("" for 304)
    std::vector<std::pair<std::string, std::string>> headers;
};

ApiReply error_reply(int status, const std::string& code, const std::string& message,
                     bool retryable = false);

class DossierApi {
  public:
    DossierApi(DossierDb& db, const kiosk::Clock& clock);

    ApiReply catalog(const std::string& if_none_match);
    ApiReply dossier(const std::string& code, const std::string& factor_kind,
                     const std::string& factor);
    ApiReply post_events(const std::string& kiosk_id, const std::string& body);
    ApiReply time();
    ApiReply heartbeat(const std::string& kiosk_id, const std::string& body);

  private:
    bool too_many_failures(const std::string& code);
    void note_failure(const std::string& code);

    DossierDb& db_;
    const kiosk::Clock& clock_;
    std::mutex mutex_;
    std::map<std::string, std::deque<kiosk::TimePoint>> failures_;  // wrong second factors per code
};

// "Nguyễn Văn An" → "N. V. A**": initials, then the first letter of the given name.
std::string mask_name(const std::string& full_name);
bool is_dossier_code(const std::string& code);
bool is_uuid(const std::string& s);
bool is_iso8601_with_offset(const std::string& s);

}  // namespace dossier
