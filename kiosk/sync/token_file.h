#pragma once
#include <string>

namespace kiosk::sync {
// Reads the kiosk's bearer token: the file must be a regular file readable only by its owner
// (no group/other permission bits), and hold one printable ASCII token of 16-512 characters.
// Throws std::runtime_error naming the file and the problem — never the token.
std::string load_token_file(const std::string& path);
}  // namespace kiosk::sync
