using System.Net;
using Amas.Orleans.Analysis.Osint;

namespace Amas.Orleans.Analysis.Tests.Osint;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.45.3.2", AddressKind.Loopback)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("172.16.5.4", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("fd00::1", AddressKind.UniqueLocal)]
    [InlineData("100.64.0.1", AddressKind.SharedCgnat)]
    [InlineData("100.127.255.254", AddressKind.SharedCgnat)]
    [InlineData("224.0.0.1", AddressKind.Multicast)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:10.1.1.1", AddressKind.Private)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressKind.LinkLocal)]
    [InlineData("2002:c0a8:0101::1", AddressKind.Private)]
    [InlineData("8.8.8.8", AddressKind.Public)]
    [InlineData("172.32.0.1", AddressKind.Public)]
    [InlineData("100.128.0.1", AddressKind.Public)]
    [InlineData("2606:4700::1111", AddressKind.Public)]
    public void Addresses_are_classified(string address, AddressKind expected) =>
        Assert.Equal(expected, AddressPolicy.Classify(IPAddress.Parse(address)));

    [Fact]
    public void Only_public_addresses_pass_by_default_and_single_addresses_can_be_allowed()
    {
        var policy = new AddressPolicy(false, false, [IPAddress.Parse("127.0.0.1")]);

        Assert.Null(policy.Refusal(IPAddress.Parse("93.184.216.34")));
        Assert.Null(policy.Refusal(IPAddress.Parse("127.0.0.1")));
        Assert.Equal("loopback", policy.Refusal(IPAddress.Parse("127.0.0.2")));
        Assert.Equal("private", policy.Refusal(IPAddress.Parse("10.0.0.1")));
        Assert.Equal("linklocal", policy.Refusal(IPAddress.Parse("169.254.169.254")));
        Assert.Null(new AddressPolicy(false, true).Refusal(IPAddress.Parse("10.0.0.1")));
        Assert.Equal("loopback", new AddressPolicy(false, true).Refusal(IPAddress.Parse("::1")));
    }
}
