#pragma once
// Bearer tokens, one per kiosk, from a file of "kiosk-id token" lines ('#' starts a comment).
// The tokens themselves never appear in messages or logs.
#include <map>
#include <optional>
#include <string>

namespace dossier {

class TokenTable {
  public:
    static TokenTable load(const std::string& path);  // throws std::runtime_error with file:line
    static TokenTable parse(const std::string& text, const std::string& source);
    void add(const std::string& kiosk_id, const std::string& token);
    // The kiosk a "Bearer …" header belongs to.
    std::optional<std::string> kiosk_for(const std::string& authorization_header) const;
    size_t size() const { return by_token_.size(); }

  private:
    std::map<std::string, std::string> by_token_;
};

}  // namespace dossier
