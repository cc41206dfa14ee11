namespace Sample.Billing;

public enum Tier { Standard, Silver, Gold }

public sealed record InvoiceLine(decimal UnitPrice, int Quantity, decimal Discount);

public sealed record Invoice(IReadOnlyList<InvoiceLine> Lines, string Country, decimal? TaxRate);

public sealed record Customer(Tier Tier, bool IsTaxExempt);
