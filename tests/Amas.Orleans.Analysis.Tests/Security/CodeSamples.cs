namespace Amas.Orleans.Analysis.Tests.Security;

/// <summary>
/// For each dangerous-code rule: code it must flag and a near miss with the decisive detail changed (a literal
/// argument, a parameterised query, SafeLoader, verification left on).
/// </summary>
public static class CodeSamples
{
    public static TheoryData<string, string, string> Flagged => new()
    {
        { "code/python-eval", "app.py", "result = eval(request.args['expr'])" },
        { "code/python-eval", "app.py", "exec(f\"print({name})\")" },
        { "code/python-shell-injection", "run.py", "subprocess.run(\"tar xf \" + archive, shell=True)" },
        { "code/python-shell-injection", "run.py", "os.system(f\"ping {host}\")" },
        { "code/python-pickle", "load.py", "obj = pickle.loads(request.data)" },
        { "code/python-yaml-load", "conf.py", "config = yaml.load(stream)" },
        { "code/python-weak-password-hash", "auth.py", "digest = hashlib.md5(password.encode()).hexdigest()" },
        { "code/python-tls-verify-disabled", "client.py", "r = requests.get(url, verify=False)" },
        { "code/python-sql-injection", "db.py", "cursor.execute(f\"SELECT * FROM users WHERE name = '{name}'\")" },
        { "code/python-sql-injection", "db.py", "cursor.execute(\"SELECT * FROM users WHERE id = %s\" % user_id)" },
        { "code/js-eval", "app.js", "const value = eval(userInput);" },
        { "code/js-new-function", "app.js", "const fn = new Function(\"return \" + body);" },
        { "code/js-shell-injection", "run.js", "const { exec } = require('child_process');\nexec(`git log ${branch}`, cb);" },
        { "code/js-tls-reject-unauthorized", "https.ts", "const agent = new https.Agent({ rejectUnauthorized: false });" },
        { "code/node-tls-reject-unauthorized-env", ".env", "NODE_TLS_REJECT_UNAUTHORIZED=0" },
        { "code/node-tls-reject-unauthorized-env", "start.js", "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';" },
        { "code/js-innerhtml-assignment", "view.js", "container.innerHTML = comment.body;" },
        { "code/js-innerhtml-assignment", "view.tsx", "el.innerHTML = `<b>${name}</b>`;" },
        { "code/csharp-shell-injection", "Run.cs", "Process.Start(\"cmd.exe\", \"/c \" + command);" },
        { "code/csharp-shell-injection", "Run.cs", "var psi = new ProcessStartInfo(\"/bin/sh\", $\"-c \\\"{script}\\\"\");" },
        { "code/csharp-sql-injection", "Repo.cs", "var cmd = new SqlCommand(\"SELECT * FROM Users WHERE Name = '\" + name + \"'\", conn);" },
        { "code/csharp-sql-injection", "Repo.cs", "command.CommandText = $\"DELETE FROM Orders WHERE Id = {id}\";" },
        { "code/csharp-tls-validation-disabled", "Http.cs", "handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true;" },
        { "code/csharp-tls-validation-disabled", "Http.cs", "handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;" },
        { "code/csharp-insecure-deserialization", "Load.cs", "var formatter = new BinaryFormatter();" },
        { "code/csharp-insecure-deserialization", "Json.cs", "var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };" },
        { "code/csharp-weak-password-hash", "Auth.cs", "var hash = MD5.HashData(Encoding.UTF8.GetBytes(password));" },
        { "code/java-shell-injection", "Run.java", "Process p = Runtime.getRuntime().exec(\"ping \" + host);" },
        { "code/java-sql-injection", "Dao.java", "ResultSet rs = stmt.executeQuery(\"SELECT * FROM users WHERE name = '\" + name + \"'\");" },
        { "code/java-insecure-deserialization", "Load.java", "ObjectInputStream in = new ObjectInputStream(socket.getInputStream());\nObject o = in.readObject();" },
        { "code/java-trust-all-certificates", "Tls.java", "public void checkServerTrusted(X509Certificate[] chain, String authType)\n        throws CertificateException {\n}" },
        { "code/go-shell-injection", "run.go", "out, err := exec.Command(\"sh\", \"-c\", \"ls \" + dir).Output()" },
        { "code/go-tls-insecure-skip-verify", "client.go", "tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}" },
        { "code/go-sql-injection", "db.go", "rows, err := db.Query(fmt.Sprintf(\"SELECT name FROM users WHERE id = %s\", id))" },
    };

    public static TheoryData<string, string, string> NearMisses => new()
    {
        { "code/python-eval", "app.py", "value = ast.literal_eval(text)\nmodel.eval()\nprint(eval(\"1 + 1\"))" },
        { "code/python-eval", "app.py", "# never call eval(user_input) here" },
        { "code/python-shell-injection", "run.py", "subprocess.run([\"tar\", \"xf\", archive], check=True)\nos.system(\"ls -l\")" },
        { "code/python-pickle", "load.py", "obj = json.loads(request.data)\nblob = pickle.dumps(obj)" },
        { "code/python-yaml-load", "conf.py", "config = yaml.load(stream, Loader=yaml.SafeLoader)\nother = yaml.safe_load(stream)" },
        { "code/python-weak-password-hash", "cache.py", "key = hashlib.md5(file_bytes).hexdigest()" },
        { "code/python-tls-verify-disabled", "client.py", "r = requests.get(url, verify=\"/etc/ssl/private-ca.pem\")" },
        { "code/python-sql-injection", "db.py", "cursor.execute(\"SELECT * FROM users WHERE id = %s\", (user_id,))" },
        { "code/js-eval", "app.js", "const two = eval(\"1 + 1\");\nregex.eval(input);" },
        { "code/js-new-function", "app.js", "const add = new Function(\"a\", \"b\", \"return a + b\");" },
        { "code/js-shell-injection", "run.js", "const { execFile } = require('child_process');\nexecFile('git', ['log', branch], cb);\nexec('git status', cb);" },
        { "code/js-tls-reject-unauthorized", "https.ts", "const agent = new https.Agent({ rejectUnauthorized: true });" },
        { "code/js-tls-reject-unauthorized", "options.js", "strictSsl: secure ? !!options.rejectUnauthorized : false," },
        { "code/node-tls-reject-unauthorized-env", ".env", "NODE_TLS_REJECT_UNAUTHORIZED=1" },
        { "code/js-innerhtml-assignment", "view.js", "el.innerHTML = \"<b>static</b>\";\nel.textContent = comment.body;\nel.innerHTML = DOMPurify.sanitize(html);" },
        { "code/csharp-shell-injection", "Run.cs", "Process.Start(\"cmd.exe\", \"/c dir\");\nProcess.Start(\"git\", $\"log {range}\");" },
        { "code/csharp-sql-injection", "Repo.cs", "var cmd = new SqlCommand(\"SELECT * FROM Users WHERE Name = @name\", conn);\nvar rows = db.Users.FromSqlInterpolated($\"SELECT * FROM Users WHERE Id = {id}\");" },
        { "code/csharp-tls-validation-disabled", "Http.cs", "handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None;" },
        { "code/csharp-insecure-deserialization", "Json.cs", "var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };\nvar s = new DataContractSerializer(typeof(Order));" },
        { "code/csharp-weak-password-hash", "Files.cs", "var checksum = MD5.HashData(fileBytes);\nvar key = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);" },
        { "code/java-shell-injection", "Run.java", "Process p = Runtime.getRuntime().exec(new String[] {\"ping\", host});" },
        { "code/java-sql-injection", "Dao.java", "PreparedStatement ps = conn.prepareStatement(\"SELECT * FROM users WHERE name = ?\");" },
        { "code/java-insecure-deserialization", "Load.java", "ObjectInputStream in = new ObjectInputStream(stream);\nin.setObjectInputFilter(filter);\nObject o = in.readObject();" },
        { "code/java-trust-all-certificates", "Tls.java", "public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n    delegate.checkServerTrusted(chain, authType);\n}" },
        { "code/go-shell-injection", "run.go", "out, err := exec.Command(\"sh\", \"-c\", \"echo hello\").Output()\nexec.Command(\"ls\", \"-la\", dir)" },
        { "code/go-tls-insecure-skip-verify", "client.go", "cfg := &tls.Config{InsecureSkipVerify: false, RootCAs: pool}" },
        { "code/go-sql-injection", "db.go", "rows, err := db.Query(\"SELECT name FROM users WHERE id = $1\", id)" },
    };
}
