String greet(String name) {
    return "Hello, " + name + "!";
}
