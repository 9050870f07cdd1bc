#pragma once
// The body of the LAN rating fuzz target (fuzz_lan_rating) and of its replay test: any bytes as a
// POST /lan/v1/ratings body, against a real queue.db holding served tickets 1001–1020 (so the
// success path is reachable), checking what the hub promises for every input.
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::test {

class LanRatingFuzzBody {
  public:
    LanRatingFuzzBody();  // temporary directory, config, 20 issued-and-served tickets
    ~LanRatingFuzzBody();

    // Empty when every promise held; otherwise what broke. The promises: a reply 201 / 400 /
    // 404 / 409 with a JSON object body (`rating` on 201, `error.code` a string otherwise); a
    // 201 adds exactly one outbox event, anything else none.
    std::string run(std::string_view body);
    int accepted() const { return accepted_; }  // replies 201 so far

  private:
    struct State;
    std::unique_ptr<State> state_;
    int accepted_ = 0;
};

}  // namespace kiosk::test
