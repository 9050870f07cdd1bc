#include "token_table.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dossier {

TokenTable TokenTable::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open the token file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

TokenTable TokenTable::parse(const std::string& text, const std::string& source) {
    TokenTable t;
    std::istringstream lines(text);
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream fields(line);
        std::string kiosk, token, extra;
        if (!(fields >> kiosk)) continue;
        if (!(fields >> token) || (fields >> extra))
            throw std::runtime_error(source + ":" + std::to_string(n) +
                                     ": expected 'kiosk-id token'");
        if (token.size() < 16)
            throw std::runtime_error(source + ":" + std::to_string(n) + ": token of " + kiosk +
                                     " is shorter than 16 characters");
        t.add(kiosk, token);
    }
    if (t.size() == 0) throw std::runtime_error(source + ": no tokens");
    return t;
}

void TokenTable::add(const std::string& kiosk_id, const std::string& token) {
    by_token_[token] = kiosk_id;
}

std::optional<std::string> TokenTable::kiosk_for(const std::string& header) const {
    static const std::string kPrefix = "Bearer ";
    if (header.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
    const std::string token = header.substr(kPrefix.size());
    // Compare against every token in full so timing does not reveal a matching prefix.
    std::optional<std::string> found;
    for (const auto& [known, kiosk] : by_token_) {
        unsigned char diff = known.size() == token.size() ? 0 : 1;
        for (size_t i = 0; i < known.size(); ++i)
            diff |= static_cast<unsigned char>(known[i] ^ (i < token.size() ? token[i] : 0));
        if (diff == 0) found = kiosk;
    }
    return found;
}

}  // namespace dossier
