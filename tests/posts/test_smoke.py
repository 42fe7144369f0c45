def test_home_blog_and_post_render(client, blog):
    from tests.factories import make_post

    post = make_post(blog, "Zuhören als Methode", tags=["Leadership"])
    assert client.get("/").status_code == 200
    assert client.get("/blog/").status_code == 200
    response = client.get(post.url)
    assert response.status_code == 200
    assert "Zuhören als Methode" in response.content.decode()
