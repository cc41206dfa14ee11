package billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public final class InvoiceDao {
    private final Connection conn;

    public InvoiceDao(Connection conn) {
        this.conn = conn;
    }

    public ResultSet byCustomer(String name) throws SQLException {
        Statement stmt = conn.createStatement();
        return stmt.executeQuery("SELECT * FROM invoices WHERE customer = '" + name + "'");
    }

    public ResultSet byId(long id) throws SQLException {
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM invoices WHERE id = ?");
        ps.setLong(1, id);
        return ps.executeQuery();
    }
}
