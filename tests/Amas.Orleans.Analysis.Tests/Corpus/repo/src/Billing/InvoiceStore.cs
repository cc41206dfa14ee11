using System.Data.SqlClient;
using System.Net.Http;
using System.Runtime.Serialization.Formatters.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Billing;

public sealed class InvoiceStore(SqlConnection conn)
{
    public SqlCommand FindByCustomer(string name) =>
        new SqlCommand("SELECT * FROM Invoices WHERE Customer = '" + name + "'", conn);

    public SqlCommand FindById(int id) =>
        new SqlCommand("SELECT * FROM Invoices WHERE Id = @id", conn);

    public static HttpClientHandler TrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true,
    };

    public static object Load(Stream stream) => new BinaryFormatter().Deserialize(stream);

    public static byte[] HashPassword(string password) => MD5.HashData(Encoding.UTF8.GetBytes(password));

    public static byte[] Checksum(byte[] fileBytes) => MD5.HashData(fileBytes);
}
