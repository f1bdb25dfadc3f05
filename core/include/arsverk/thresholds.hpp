#pragma once
// The thresholds of the checks before submission, in one place: the checks use them, the
// catalogue's texts say them, and the page's help texts take them from here (the wasm module
// gives them as `thresholds()`).
namespace arsverk::thresholds {

inline constexpr double kRateHigh = 15.0;           // M1 FTEs per 1,000 inhabitants above this: implausible
inline constexpr double kChangeLargePercent = 30.0;  // a change of M1 per 1,000 by more than this %
inline constexpr double kFarAbovePublished = 4.0;    // × the published national rate (M1, and M2–M4)
inline constexpr double kFarBelowPublished = 0.2;    // × the published national M1 rate
inline constexpr int kOneCategoryMinimumFtes = 2;    // below this, all FTEs in one category is plausible
inline constexpr int kMaxMessagesPerCode = 50;       // per file; the rest are counted in one line

// Plausibility per education category and target group (docs/indicator.md: a ×10 slip in one
// category multiplies its odds, its FTEs against the rest of its target group, by ten).
inline constexpr double kCompositionMinimumFtes = 3.0;  // a target group smaller than this: shares are lumpy
inline constexpr double kCategoryOddsLimit = 4.0;       // a category's odds over the national odds
inline constexpr double kBetweenGroupsOddsLimit = 8.0;  // a category's odds in one target group over the other's
inline constexpr double kGroupBalanceOddsLimit = 4.0;   // children's FTEs over adults' against the national ratio, either way
inline constexpr double kCategoryChangeFactor = 3.0;    // a category × 3 or ÷ 3 from the previous year …
inline constexpr double kCategoryChangeMinimumFtes = 2.0;  // … by at least this many FTEs …
inline constexpr double kCategoryChangeMinimumShare = 0.10;  // … and this share of its target group

}  // namespace arsverk::thresholds
