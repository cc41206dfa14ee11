namespace Sample.Billing;

public sealed class InvoiceCalculator
{
    // TODO: handle refunds and credit notes
    public decimal Calculate(Invoice invoice, Customer customer)
    {
        decimal total = 0;
        foreach (var line in invoice.Lines)
        {
            if (line.Quantity <= 0)
            {
                continue;
            }

            var price = line.UnitPrice * line.Quantity;
            if (line.Discount > 0 && line.Discount < 1)
            {
                price *= 1 - line.Discount;
            }

            total += price;
        }

        switch (customer.Tier)
        {
            case Tier.Gold:
                total *= 0.9m;
                break;
            case Tier.Silver:
                total *= 0.95m;
                break;
            default:
                break;
        }

        if (customer.IsTaxExempt || invoice.Country == "XX")
        {
            return total;
        }

        var rate = invoice.TaxRate ?? 0.2m;
        var rounded = total > 1000 ? Math.Round(total) : total;
        while (rounded < 0)
        {
            rounded = 0;
        }

        return rounded * (1 + rate);
    }

    public static decimal Zero() => 0m;
}
