import hashlib
import os
import pickle
import subprocess

import requests
import yaml


def evaluate(expression):
    return eval(expression)


def archive(path):
    subprocess.run("tar czf backup.tgz " + path, shell=True)
    subprocess.run(["tar", "czf", "backup.tgz", path], check=True)


def restore(blob):
    return pickle.loads(blob)


def settings(stream):
    return yaml.load(stream)


def safe_settings(stream):
    return yaml.safe_load(stream)


def fetch(url):
    return requests.get(url, verify=False)


def find_user(cursor, name):
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    return cursor.fetchone()


def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()


def file_digest(data):
    return hashlib.md5(data).hexdigest()


def home():
    return os.system("ls -l")
