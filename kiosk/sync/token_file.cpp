#include "kiosk/sync/token_file.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kiosk::sync {

std::string load_token_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw std::runtime_error(path + ": token file not found");
    if (!S_ISREG(st.st_mode)) throw std::runtime_error(path + ": token file is not a regular file");
    if (st.st_mode & 077)
        throw std::runtime_error(
            path + ": token file must be readable by its owner only (chmod 600), mode is " +
            std::to_string(st.st_mode & 0777));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read the token file");
    std::ostringstream text;
    text << in.rdbuf();
    std::string token = text.str();
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' '))
        token.pop_back();
    if (token.size() < 16 || token.size() > 512)
        throw std::runtime_error(path + ": token must be 16-512 characters on one line");
    for (unsigned char c : token)
        if (c < 0x21 || c > 0x7e)
            throw std::runtime_error(path + ": token must be printable ASCII without spaces");
    return token;
}

}  // namespace kiosk::sync
