namespace Billing;

public static class Pricing
{
    // TODO: move the discount table into configuration.
    public static decimal Discount(string tier, int years, bool annual, bool student, int seats)
    {
        if (tier == "gold")
        {
            if (years > 5)
            {
                if (annual)
                {
                    if (student)
                    {
                        if (seats > 100)
                        {
                            return 0.40m;
                        }

                        return 0.35m;
                    }

                    return 0.30m;
                }

                return 0.25m;
            }

            return 0.20m;
        }

        if (tier == "silver" && years > 3) return 0.15m;
        if (tier == "silver" || student) return 0.10m;
        if (tier == "bronze" && annual) return 0.05m;
        if (seats > 50) return 0.04m;
        if (seats > 20) return 0.03m;
        return years > 1 ? 0.02m : 0m;
    }

    public static decimal Total(decimal price, int quantity) => price * quantity;
}
