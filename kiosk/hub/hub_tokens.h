#pragma once
// Who may talk to the hub: the tokens file (docs/lan-api.md "Tokens file"). Lines "ROLE TOKEN",
// ROLE = counter:N | board | kiosk; '#' starts a comment. Only SHA-256 digests of the tokens are
// kept, and lookups compare every digest in constant time, so neither timing nor logs reveal one.
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::hub {

enum class Role { Counter, Board, Kiosk };

struct TokenGrant {
    Role role = Role::Board;
    int counter = 0;  // Role::Counter only
};

std::string describe(const TokenGrant& g);  // "counter 3", "board", "kiosk" (for logs)

class HubTokens {
  public:
    // Reads and checks the file: must exist, be a regular file with no group/other permission
    // bits (0600 or 0400), and hold at least one valid line. Errors: "file:line: problem".
    static std::optional<HubTokens> load(const std::string& path, std::vector<std::string>& errors);
    static HubTokens parse(const std::string& text, const std::string& source,
                           std::vector<std::string>& errors);

    void add(const std::string& token, TokenGrant grant);
    // The grant of a raw token (no "Bearer " prefix); nullopt if unknown.
    std::optional<TokenGrant> find(const std::string& token) const;
    // Parses "Bearer TOKEN" first.
    std::optional<TokenGrant> find_authorization(const std::string& header) const;
    size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        std::array<unsigned char, 32> digest;
        TokenGrant grant;
    };
    std::vector<Entry> entries_;
};

}  // namespace kiosk::hub
