#include "hub_tokens.h"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace kiosk::hub {
namespace {

std::array<unsigned char, 32> sha256(const std::string& text) {
    std::array<unsigned char, 32> d{};
    unsigned int len = 0;
    EVP_Digest(text.data(), text.size(), d.data(), &len, EVP_sha256(), nullptr);
    return d;
}

bool token_chars_ok(const std::string& t) {
    if (t.size() < 16 || t.size() > 128) return false;
    for (char c : t) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' || c == '-';
        if (!ok) return false;
    }
    return true;
}

std::optional<TokenGrant> parse_role(const std::string& r) {
    if (r == "board") return TokenGrant{Role::Board, 0};
    if (r == "kiosk") return TokenGrant{Role::Kiosk, 0};
    if (r.rfind("counter:", 0) == 0) {
        const std::string n = r.substr(8);
        if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        const int v = std::stoi(n);
        if (v < 1 || v > 999) return std::nullopt;
        return TokenGrant{Role::Counter, v};
    }
    return std::nullopt;
}

}  // namespace

std::string describe(const TokenGrant& g) {
    switch (g.role) {
        case Role::Counter:
            return "counter " + std::to_string(g.counter);
        case Role::Board:
            return "board";
        case Role::Kiosk:
            return "kiosk";
    }
    return "?";
}

HubTokens HubTokens::parse(const std::string& text, const std::string& source,
                           std::vector<std::string>& errors) {
    HubTokens t;
    std::istringstream in(text);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream fields(line);
        std::string role, token, extra;
        if (!(fields >> role)) continue;  // blank or comment
        const std::string where = source + ":" + std::to_string(line_no) + ": ";
        if (!(fields >> token) || (fields >> extra)) {
            errors.push_back(where + "expected two fields \"ROLE TOKEN\"");
            continue;
        }
        auto grant = parse_role(role);
        if (!grant) {
            errors.push_back(where + "role must be counter:N (1-999), board or kiosk, got '" +
                             role + "'");
            continue;
        }
        if (!token_chars_ok(token)) {  // the token itself is never echoed
            errors.push_back(where +
                             "token must be 16-128 characters of A-Z a-z 0-9 . _ ~ - "
                             "(make one with: openssl rand -hex 16)");
            continue;
        }
        t.add(token, *grant);
    }
    return t;
}

std::optional<HubTokens> HubTokens::load(const std::string& path,
                                         std::vector<std::string>& errors) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        errors.push_back(path + ": cannot read the hub tokens file (missing or not a file)");
        return std::nullopt;
    }
    if ((st.st_mode & 077) != 0) {
        errors.push_back(path + ": tokens file is readable by other users; run chmod 600 " + path);
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        errors.push_back(path + ": cannot open the hub tokens file for reading");
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const size_t before = errors.size();
    HubTokens t = parse(text.str(), path, errors);
    if (errors.size() != before) return std::nullopt;
    if (t.size() == 0) {
        errors.push_back(path + ": holds no token (lines \"ROLE TOKEN\")");
        return std::nullopt;
    }
    return t;
}

void HubTokens::add(const std::string& token, TokenGrant grant) {
    entries_.push_back({sha256(token), grant});
}

std::optional<TokenGrant> HubTokens::find(const std::string& token) const {
    const auto d = sha256(token);
    std::optional<TokenGrant> found;
    for (const Entry& e : entries_) {  // no early exit: every entry costs the same
        unsigned char diff = 0;
        for (size_t i = 0; i < d.size(); ++i)
            diff |= static_cast<unsigned char>(d[i] ^ e.digest[i]);
        if (diff == 0 && !found) found = e.grant;
    }
    return found;
}

std::optional<TokenGrant> HubTokens::find_authorization(const std::string& header) const {
    constexpr const char* kPrefix = "Bearer ";
    if (header.rfind(kPrefix, 0) != 0) return std::nullopt;
    return find(header.substr(7));
}

}  // namespace kiosk::hub
